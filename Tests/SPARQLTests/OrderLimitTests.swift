import Foundation
import RDF
@testable import SPARQL
import Store
import Testing

/// ORDER BY with LIMIT / OFFSET keeps only the best solutions as they come; the result must be
/// exactly the matching slice of the full (stable) sort, ties and unbound values included.
@Suite("ORDER BY with LIMIT and OFFSET")
struct OrderLimitTests {
    static let prefix = "PREFIX ex: <http://example.org/>\n"

    /// A small pool of values (so ties are common) from every ordering group.
    static let pool: [Term] = [
        T.int(1), T.dec("1.0"), T.int(7), T.dbl("NaN"), T.dbl("-INF"), T.dec("2.5"), T.typed("abc", XSD.integer),
        T.str("apple"), T.str("Apple"), T.lang("apple", "en"), T.true, T.false, .iri("http://example.org/z"),
        .blank("b1"), T.typed("zz", "http://example.org/t"),
        T.typed("2024-03-01", XSD.namespace + "date"), T.typed("2024-03-01Z", XSD.namespace + "date"),
        T.typed("2024-02-29+13:00", XSD.namespace + "date"), T.typed("2024-03-01T00:00:00", XSD.dateTime),
        T.typed("2024-03-01T00:00:00Z", XSD.dateTime), T.typed("2024-03-01T01:00:00+01:00", XSD.dateTime),
        T.typed("2024-03-01T00:00:00.5", XSD.dateTime), T.typed("2023-12-31T23:59:59-05:00", XSD.dateTime),
    ]

    /// 300 subjects; a deterministic pseudo-random value each, or none (unbound under OPTIONAL),
    /// and some with two values.
    func store() throws -> QuadStore {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var quads: [Quad] = []
        for index in 0..<300 {
            let subject = Term.iri("http://example.org/s\(next(1000))-\(index)")
            quads.append(Quad(subject, .iri("http://example.org/type"), .iri("http://example.org/T")))
            let choice = next(Self.pool.count + 4)
            if choice < Self.pool.count { quads.append(Quad(subject, .iri("http://example.org/v"), Self.pool[choice])) }
            if choice == Self.pool.count { quads.append(Quad(subject, .iri("http://example.org/v"), Self.pool[next(Self.pool.count)])) }
        }
        let store = try QuadStore.inMemory()
        _ = try store.publish(DescriptionHeader(graph: "http://example.org/g", source: "test", syntax: "nquads", origin: .unsigned)) { writer in
            try writer.add(quads)
        }
        return store
    }

    func rows(_ query: String, _ engine: QueryEngine) throws -> [[Term?]] {
        guard case .solutions(let table) = try engine.execute(try SPARQLParser.parse(Self.prefix + query)) else {
            Issue.record("not a SELECT result")
            return []
        }
        return table.rows
    }

    static let pattern = "SELECT ?s ?v WHERE { ?s ex:type ex:T OPTIONAL { ?s ex:v ?v } }"
    static let orders = ["?v", "DESC(?v)", "DESC(?v) ?s", "?v DESC(?s)", "STR(?v) ?s", "DESC(STR(?v))", "?s"]
    static let slices: [(offset: Int, limit: Int)] = [(0, 1), (0, 10), (5, 10), (0, 299), (290, 20), (0, 500), (400, 5)]

    @Test func sliceOfTheFullSort() throws {
        let engine = QueryEngine(store: try store())
        for order in Self.orders {
            let query = Self.pattern + " ORDER BY " + order
            let full = try rows(query, engine)
            #expect(full.count >= 300)
            for (offset, limit) in Self.slices {
                let sliced = try rows(query + " OFFSET \(offset) LIMIT \(limit)", engine)
                #expect(sliced == Array(full.dropFirst(offset).prefix(limit)), "\(order) OFFSET \(offset) LIMIT \(limit)")
            }
            // Run again: keys now come from the engine's cache, the answer must not change.
            #expect(try rows(query, engine) == full)
        }
    }

    /// The full sort is the stable sort of the unordered solutions by `TermOrdering`.
    @Test func fullSortIsStableTermOrdering() throws {
        let engine = QueryEngine(store: try store())
        let unordered = try rows(Self.pattern, engine)
        func sorted(_ conditions: [(column: Int, ascending: Bool)]) -> [[Term?]] {
            unordered.enumerated().sorted { a, b in
                for condition in conditions {
                    let comparison = TermOrdering.compare(a.element[condition.column], b.element[condition.column])
                    if comparison != .orderedSame { return (comparison == .orderedAscending) == condition.ascending }
                }
                return a.offset < b.offset
            }.map(\.element)
        }
        #expect(try rows(Self.pattern + " ORDER BY DESC(?v)", engine) == sorted([(1, false)]))
        #expect(try rows(Self.pattern + " ORDER BY ?v DESC(?s)", engine) == sorted([(1, true), (0, false)]))
        #expect(try rows(Self.pattern + " ORDER BY DESC(?v) LIMIT 17", engine) == Array(sorted([(1, false)]).prefix(17)))
        #expect(try rows(Self.pattern + " ORDER BY ?v OFFSET 3 LIMIT 40", engine) == Array(sorted([(1, true)]).dropFirst(3).prefix(40)))
    }
}
