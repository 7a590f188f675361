import Foundation
import RDF
import RDFSyntax

/// A W3C test manifest's triples, indexed by subject and predicate (read with our own Turtle
/// parser, relative IRIs resolved against the manifest file).
struct ManifestGraph {
    static let manifestClass = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#Manifest"
    private var properties: [Term: [String: [Term]]] = [:]

    init(_ url: URL) throws {
        let quads = try RDFParser.parseAll(.file(url.path), options: ParseOptions(syntax: .turtle, baseIRI: url.absoluteString))
        for quad in quads {
            guard case .iri(let predicate) = quad.predicate else { continue }
            properties[quad.subject, default: [:]][predicate, default: []].append(quad.object)
        }
    }

    func values(_ subject: Term, _ predicate: String) -> [Term] { properties[subject]?[predicate] ?? [] }
    func value(_ subject: Term, _ predicate: String) -> Term? { values(subject, predicate).first }

    /// The manifests the file describes.
    func manifests() -> [Term] {
        properties.keys.filter { values($0, RDFVocabulary.type).contains(.iri(Self.manifestClass)) }.sorted()
    }

    /// The members of an RDF list (a cycle ends it).
    func list(_ head: Term?) -> [Term] {
        var members: [Term] = []
        var node = head
        var seen: Set<Term> = []
        while let current = node, current != .iri(RDFVocabulary.nil), seen.insert(current).inserted {
            if let first = value(current, RDFVocabulary.first) { members.append(first) }
            node = value(current, RDFVocabulary.rest)
        }
        return members
    }
}
