import Foundation
import RDF
import Store

/// Every location the hub could offer now, by resource: read once per run, so a digest run
/// asks the store one question however many subscribers it serves.
///
/// A location is offered only with a `gv:validUntil` still in the future: a hint is a promise
/// with an end date, and a location without one cannot be presented as short-lived (the
/// subscriber would not know when to stop trusting it), so it is left out rather than given an
/// invented expiry. Only resources named by an IRI are offered (a hint must name its resource).
/// When two resources share a URL, the URL goes with the first resource in IRI order; when a
/// resource has several titles, a plain one is preferred, then English, then the first.
///
/// Hints graphs (`urn:grapevine:hints:…`, what this store received from other hubs) are left
/// out: those hints were told to this store in confidence, under another hub's scattering, and
/// offering them again as the hub's own would leak them past that limit.
public struct HintCatalogue: Sendable {
    /// Offerable hints by resource IRI, each list in URL order.
    public let hintsByResource: [String: [Hint]]
    /// The same hints by URL.
    public let hintsByURL: [String: Hint]
    /// The store's term id of each resource, when loaded from a store: valid in the snapshot
    /// it was loaded from, where keyword matching then finds resources without decoding them.
    let termIDs: [String: Int64]

    public init(hints: [Hint]) {
        self.init(hints: hints, termIDs: [:])
    }

    init(hints: [Hint], termIDs: [String: Int64]) {
        // A URL goes with the first resource in IRI order (the first hint given, among equals).
        var byURL: [String: Hint] = [:]
        byURL.reserveCapacity(hints.count)
        for hint in hints where byURL[hint.url].map({ hint.resource < $0.resource }) ?? true {
            byURL[hint.url] = hint
        }
        hintsByURL = byURL
        hintsByResource = Dictionary(grouping: byURL.values, by: \.resource).mapValues { $0.sorted { $0.url < $1.url } }
        self.termIDs = termIDs
    }

    /// The catalogue of `store` at `now`.
    public static func load(from store: QuadStore, now: Date) throws -> HintCatalogue {
        try store.read { try load(from: $0, now: now) }
    }

    /// The catalogue in `snapshot` at `now`: what the SPARQL pattern
    /// `?resource gv:location ?location . ?location gv:url ?url ; gv:validUntil ?until .
    /// OPTIONAL { ?resource dcterms:title ?title }` finds, matched on term ids (one join for the
    /// locations, one for the titles) with each term decoded once. Going through the query
    /// engine cost twice as much, most of it building rows of terms this throws away.
    static func load(from snapshot: StoreSnapshot, now: Date) throws -> HintCatalogue {
        guard let location = try snapshot.id(of: .iri(GV.location)), let url = try snapshot.id(of: .iri(GV.url)),
              let validUntil = try snapshot.id(of: .iri(GV.validUntil)), let scope = try ownGraphs(in: snapshot) else {
            return HintCatalogue(hints: [])
        }
        var rows: [(resource: Int64, location: Int64, url: Int64, until: Int64)] = []
        try snapshot.match([IDPattern(.variable(0), .constant(location), .variable(1)),
                            IDPattern(.variable(1), .constant(url), .variable(2)),
                            IDPattern(.variable(1), .constant(validUntil), .variable(3))], scope: scope, variableCount: 4) { row in
            rows.append((row[0], row[1], row[2], row[3]))
            return true
        }
        var titles: [Int64: [Int64]] = [:]
        if let title = try snapshot.id(of: .iri(DCTerms.title)) {
            try snapshot.match([IDPattern(.variable(0), .constant(title), .variable(1))], scope: scope, variableCount: 2) { row in
                titles[row[0], default: []].append(row[1])
                return true
            }
        }
        // Rows in resource order: a resource's terms are decoded together, and its locations
        // are usually its neighbours in the term table.
        rows.sort { ($0.resource, $0.url) < ($1.resource, $1.url) }
        let cutoff = HubTime.wholeSeconds(now)
        var expiries: [Int64: Date?] = [:]
        var best: [LocationKey: (hint: Hint, titleRank: Int)] = [:]
        var termIDs: [String: Int64] = [:]
        for row in rows {
            let expiry: Date?
            if let known = expiries[row.until] {
                expiry = known
            } else {
                if case .literal(let until) = try snapshot.term(row.until), until.datatype == XSD.dateTime {
                    expiry = HubTime.parseXSDDateTime(until.lexical).map(HubTime.wholeSeconds)
                } else {
                    expiry = nil
                }
                expiries[row.until] = expiry
            }
            guard let expiry, expiry > cutoff, case .iri(let resource) = try snapshot.term(row.resource),
                  case .iri(let urlText) = try snapshot.term(row.url) else { continue }
            let locationTerm = try snapshot.term(row.location)
            guard locationTerm.isIRI || locationTerm.isBlank else { continue }
            termIDs[resource] = row.resource
            // A blank location travels without its label (the block names IRIs only).
            let locationIRI = locationTerm.iriValue
            let key = LocationKey(resource: row.resource, url: row.url)
            let titleIDs: [Int64?] = titles[row.resource] ?? [nil]
            for titleID in titleIDs {
                let title = try titleID.flatMap { try snapshot.term($0).literalValue }.flatMap { literal -> (text: String, rank: Int)? in
                    let text = Self.oneLine(literal.lexical)
                    return text.isEmpty ? nil : (text, Self.titleRank(literal))
                }
                let text = title?.text ?? Self.oneLine(resource)
                let rank = title?.rank ?? 9
                if let current = best[key] {
                    // The earliest expiry of a location listed twice; the best title.
                    let keepTitle = current.titleRank < rank || (current.titleRank == rank && current.hint.title <= text)
                    best[key] = (Hint(resource: resource, title: keepTitle ? current.hint.title : text,
                                      url: urlText, location: locationIRI, validUntil: min(expiry, current.hint.validUntil)),
                                 min(rank, current.titleRank))
                } else {
                    best[key] = (Hint(resource: resource, title: text, url: urlText, location: locationIRI, validUntil: expiry), rank)
                }
            }
        }
        return HintCatalogue(hints: best.values.map(\.hint), termIDs: termIDs)
    }

    /// A resource's location by URL, as term ids: one entry however many rows state it.
    private struct LocationKey: Hashable {
        let resource: Int64
        let url: Int64
    }

    /// The graphs to read: every graph when the store holds no hints graph (a hub that receives
    /// no hints pays nothing for the check), else every other graph; nil when none is left.
    static func ownGraphs(in snapshot: StoreSnapshot) throws -> GraphScope? {
        var own: [Int64] = []
        var skipped = false
        for id in Set(try snapshot.graphIDs()).sorted() {
            if case .iri(let name) = try snapshot.term(id), name.hasPrefix(RedRover.hintsGraphPrefix) {
                skipped = true
            } else {
                own.append(id)
            }
        }
        guard skipped else { return .merge(nil) }
        return own.isEmpty ? nil : .merge(own)
    }

    /// Lower is better: a plain string, then English, then any other language.
    private static func titleRank(_ title: Literal) -> Int {
        guard let language = title.language else { return 0 }
        return language == "en" || language.hasPrefix("en-") ? 1 : 2
    }

    /// A title as one line of single spaces: it goes into a numbered list and a mail subject's
    /// neighbourhood, where a line break would break the layout.
    static func oneLine(_ text: String) -> String {
        // Most titles are one line of single spaces already: checked on the bytes (printable
        // ASCII, no space first, last or twice), they are kept as they are.
        var afterSpace = true
        if !text.isEmpty, text.utf8.allSatisfy({ byte in
            defer { afterSpace = byte == 0x20 }
            return byte > 0x20 && byte < 0x7F || (byte == 0x20 && !afterSpace)
        }), !afterSpace {
            return text
        }
        return text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    public var locationCount: Int { hintsByURL.count }
}
