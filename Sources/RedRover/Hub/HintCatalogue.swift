import Foundation
import GRDB
import RDF
import SPARQL
import Store

/// Every location the hub could offer now, by resource: read once per run through the SPARQL
/// engine, so a digest run asks the store one question however many subscribers it serves.
///
/// A location is offered only with a `gv:validUntil` still in the future: a hint is a promise
/// with an end date, and a location without one cannot be presented as short-lived (the
/// subscriber would not know when to stop trusting it), so it is left out rather than given an
/// invented expiry. Only resources named by an IRI are offered (a hint must name its resource).
/// When two resources share a URL, the URL goes with the first resource in IRI order; when a
/// resource has several titles, a plain one is preferred, then English, then the first.
///
/// Hints graphs (`urn:grapevine:hints:…`, what this store received from other hubs) are left
/// out of the query: those hints were told to this store in confidence, under another hub's
/// scattering, and offering them again as the hub's own would leak them past that limit.
public struct HintCatalogue: Sendable {
    /// Offerable hints by resource IRI, each list in URL order.
    public let hintsByResource: [String: [Hint]]
    /// The same hints by URL.
    public let hintsByURL: [String: Hint]

    public init(hints: [Hint]) {
        var byURL: [String: Hint] = [:]
        for hint in hints.sorted(by: { ($0.resource, $0.url) < ($1.resource, $1.url) }) where byURL[hint.url] == nil {
            byURL[hint.url] = hint
        }
        hintsByURL = byURL
        hintsByResource = Dictionary(grouping: byURL.values, by: \.resource).mapValues { $0.sorted { $0.url < $1.url } }
    }

    /// The catalogue of `store` at `now`.
    public static func load(from store: QuadStore, now: Date) throws -> HintCatalogue {
        let query = try SPARQLParser.parse("""
            PREFIX gv: <\(GV.namespace)>
            PREFIX dcterms: <\(DCTerms.namespace)>
            SELECT ?resource ?title ?location ?url ?until WHERE {
              ?resource gv:location ?location .
              ?location gv:url ?url ; gv:validUntil ?until .
              OPTIONAL { ?resource dcterms:title ?title }
            }
            """)
        let engine = QueryEngine(store: store, options: QueryOptions(timeout: 600, maxResults: 50_000_000))
        guard case .solutions(let table) = try engine.execute(query, dataset: try ownGraphs(of: store)) else {
            return HintCatalogue(hints: [])
        }
        var best: [String: (hint: Hint, titleRank: Int)] = [:]
        for row in table.rows {
            guard case .iri(let resource)? = row[0], let location = row[2], location.isIRI || location.isBlank, case .iri(let url)? = row[3],
                  case .literal(let until)? = row[4], until.datatype == XSD.dateTime,
                  let validUntil = HubTime.parseXSDDateTime(until.lexical).map(HubTime.wholeSeconds),
                  validUntil > HubTime.wholeSeconds(now) else { continue }
            // A blank location travels without its label (the block names IRIs only).
            let locationIRI = location.iriValue
            let title = row[1]?.literalValue.flatMap { Self.oneLine($0.lexical).isEmpty ? nil : $0 }
            let rank = title.map(Self.titleRank) ?? 9
            let key = resource + " " + url
            if let current = best[key] {
                // The earliest expiry of a location listed twice; the best title.
                let keepTitle = current.titleRank < rank || (current.titleRank == rank && current.hint.title <= (title?.lexical ?? ""))
                best[key] = (Hint(resource: resource, title: keepTitle ? current.hint.title : Self.oneLine(title?.lexical ?? resource),
                                  url: url, location: locationIRI, validUntil: min(validUntil, current.hint.validUntil)),
                             min(rank, current.titleRank))
            } else {
                best[key] = (Hint(resource: resource, title: Self.oneLine(title?.lexical ?? resource), url: url,
                                  location: locationIRI, validUntil: validUntil), rank)
            }
        }
        return HintCatalogue(hints: best.values.map(\.hint))
    }

    /// The dataset without the hints graphs: nil (every graph) when the store has none, as a hub
    /// that receives no hints has not, so the common case pays nothing for the check.
    static func ownGraphs(of store: QuadStore) throws -> QueryDataset? {
        let names = try store.readSQL { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT t.lexical FROM description_graphs g JOIN terms t ON t.id = g.graph")
        }
        let own = names.filter { !$0.hasPrefix(RedRover.hintsGraphPrefix) }
        return own.count == names.count ? nil : QueryDataset(defaultGraphs: own, namedGraphs: [])
    }

    /// Lower is better: a plain string, then English, then any other language.
    private static func titleRank(_ title: Literal) -> Int {
        guard let language = title.language else { return 0 }
        return language == "en" || language.hasPrefix("en-") ? 1 : 2
    }

    /// A title as one line of single spaces: it goes into a numbered list and a mail subject's
    /// neighbourhood, where a line break would break the layout.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    public var locationCount: Int { hintsByURL.count }
}
