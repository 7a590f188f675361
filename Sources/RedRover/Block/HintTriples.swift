import Foundation
import RDF

/// The body of a hints block: the hints as N-Triples in the Grapevine vocabulary.
///
/// ```
/// <resource> rdf:type gv:Resource ; dcterms:title "Title" ; gv:location _:l1 .
/// _:l1 gv:url <https://…> ; gv:validUntil "2026-11-26T19:00:00Z"^^xsd:dateTime .
/// ```
///
/// N-Triples, because it is the one syntax with a single spelling per triple and a line per
/// triple, so the hub writes it without a serializer and the subscriber reads it with the same
/// parser every other description goes through.
enum HintTriples {
    /// The body for `hints` (checked by the caller): `triples(hints)`, a line each.
    ///
    /// Written straight into bytes, line by line as `triples` states them, rather than through
    /// `Term` values and `Triple.ntriples`: a hub signs a body for every mail it sends.
    static func render(_ hints: [Hint]) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(hints.count * 400)
        func iri(_ text: String) {
            body.append(UInt8(ascii: "<"))
            body.append(contentsOf: NTriples.escapeIRI(text).utf8)
            body.append(UInt8(ascii: ">"))
        }
        func line(_ subject: () -> Void, _ predicate: String, _ object: () -> Void) {
            subject()
            body.append(UInt8(ascii: " "))
            iri(predicate)
            body.append(UInt8(ascii: " "))
            object()
            body.append(contentsOf: " .\n".utf8)
        }
        var described: Set<String> = []
        for (index, hint) in hints.enumerated() {
            let resource = { iri(hint.resource) }
            if described.insert(hint.resource).inserted {
                line(resource, RDFVocabulary.type) { iri(GV.Resource) }
                line(resource, DCTerms.title) {
                    body.append(UInt8(ascii: "\""))
                    body.append(contentsOf: NTriples.escapeString(hint.title).utf8)
                    body.append(UInt8(ascii: "\""))
                }
            }
            let location = {
                if let named = hint.location { iri(named) } else { body.append(contentsOf: "_:l\(index + 1)".utf8) }
            }
            line(resource, GV.location, location)
            line(location, GV.url) { iri(hint.url) }
            line(location, GV.validUntil) {
                body.append(UInt8(ascii: "\""))
                body.append(contentsOf: HintTime.format(hint.validUntil).utf8)
                body.append(contentsOf: "\"^^".utf8)
                iri(XSD.dateTime)
            }
        }
        return body
    }

    /// The triples stating `hints`: a resource's type and title once, then each location.
    static func triples(_ hints: [Hint]) -> [Triple] {
        var triples: [Triple] = []
        var described: Set<String> = []
        for (index, hint) in hints.enumerated() {
            let resource = Term.iri(hint.resource)
            if described.insert(hint.resource).inserted {
                triples.append(Triple(resource, .iri(RDFVocabulary.type), .iri(GV.Resource)))
                triples.append(Triple(resource, .iri(DCTerms.title), .literal(hint.title)))
            }
            let location: Term = hint.location.map(Term.iri) ?? .blank("l\(index + 1)")
            triples.append(Triple(resource, .iri(GV.location), location))
            triples.append(Triple(location, .iri(GV.url), .iri(hint.url)))
            triples.append(Triple(location, .iri(GV.validUntil), .literal(HintTime.format(hint.validUntil), datatype: XSD.dateTime)))
        }
        return triples
    }

    /// The hints the triples state, in the order their `gv:location` triples come.
    ///
    /// Strict: every triple must be one the format writes, every resource with a location needs
    /// exactly one title, every location exactly one URL and one expiry and one resource.
    static func read(_ quads: [Quad]) throws(HintBlockError) -> [Hint] {
        var titles: [Term: [String]] = [:]
        var locations: [(resource: Term, node: Term)] = []
        var urls: [Term: [String]] = [:]
        var expiries: [Term: [Date]] = [:]
        for quad in quads {
            func refuse(_ reason: String) -> HintBlockError {
                HintBlockError(.content, "the hints block holds a triple the format does not have (\(reason)): \(Triple(quad.subject, quad.predicate, quad.object).ntriples)")
            }
            guard quad.graph == nil else { throw refuse("a named graph") }
            switch quad.predicate.iriValue {
            case RDFVocabulary.type:
                guard quad.object == .iri(GV.Resource) || quad.object == .iri(GV.Location) else { throw refuse("an unknown type") }
            case DCTerms.title:
                guard quad.subject.isIRI, let literal = quad.object.literalValue,
                      literal.language != nil || literal.datatype == XSD.string else { throw refuse("a title must be text") }
                titles[quad.subject, default: []].append(literal.lexical)
            case GV.location:
                guard quad.subject.isIRI, !quad.object.isLiteral else { throw refuse("a location must be a node of a resource IRI") }
                locations.append((quad.subject, quad.object))
            case GV.url:
                guard let url = quad.object.iriValue else { throw refuse("a URL must be an IRI") }
                urls[quad.subject, default: []].append(url)
            case GV.validUntil:
                guard let literal = quad.object.literalValue, literal.datatype == XSD.dateTime,
                      let date = HintTime.parse(literal.lexical) else { throw refuse("an expiry must be a zoned xsd:dateTime") }
                expiries[quad.subject, default: []].append(date)
            default:
                throw refuse("an unknown predicate")
            }
        }
        var owners: [Term: Term] = [:]
        var hints: [Hint] = []
        var seenURLs: Set<String> = []
        for (resource, node) in locations {
            let name = NTriples.format(resource)
            if let owner = owners.updateValue(resource, forKey: node) {
                throw HintBlockError(.content, "the hints block gives one location to \(NTriples.format(owner)) and \(owner == resource ? "again to it" : name)")
            }
            guard let title = titles[resource], title.count == 1 else {
                throw HintBlockError(.content, "\(name) in the hints block has \(titles[resource]?.count ?? 0) titles, not one")
            }
            guard let url = urls[node], url.count == 1 else {
                throw HintBlockError(.content, "a location of \(name) in the hints block has \(urls[node]?.count ?? 0) URLs, not one")
            }
            guard let expiry = expiries[node], expiry.count == 1 else {
                throw HintBlockError(.content, "the location <\(url[0])> in the hints block has \(expiries[node]?.count ?? 0) expiry times, not one")
            }
            guard seenURLs.insert(url[0]).inserted else {
                throw HintBlockError(.content, "the hints block gives the URL <\(url[0])> twice")
            }
            hints.append(Hint(resource: resource.iriValue!, title: title[0], url: url[0], location: node.iriValue, validUntil: expiry[0]))
        }
        let located = Set(locations.map(\.resource))
        if let stray = titles.keys.first(where: { !located.contains($0) }) {
            throw HintBlockError(.content, "\(NTriples.format(stray)) in the hints block has a title but no location")
        }
        if let stray = urls.keys.first(where: { owners[$0] == nil }) ?? expiries.keys.first(where: { owners[$0] == nil }) {
            throw HintBlockError(.content, "the location \(NTriples.format(stray)) in the hints block belongs to no resource")
        }
        return hints
    }
}

extension Triple {
    /// One N-Triples line, without the line end.
    var ntriples: String { "\(NTriples.format(subject)) \(NTriples.format(predicate)) \(NTriples.format(object)) ." }
}
