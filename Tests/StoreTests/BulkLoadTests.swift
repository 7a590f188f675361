import Foundation
import GRDB
import RDF
import Store
import Testing

/// The first load into an empty store takes a faster path (the quad indexes and the term hash
/// index are rebuilt after it, and new terms skip the lookup that could only miss). It must
/// leave exactly what the ordinary path leaves, and be as atomic.
@Suite("Bulk load into an empty store")
struct BulkLoadTests {
    /// A description with repeated and unique terms of every kind: long literals that repeat
    /// (which bypass the intern cache), language tags, typed literals, blank nodes.
    func catalogue(resources: Int) -> [Quad] {
        var quads: [Quad] = []
        for n in 0..<resources {
            let resource = iri("r/\(n)")
            quads.append(Quad(resource, .iri(RDFVocabulary.type), iri("Resource")))
            quads.append(Quad(resource, iri("title"), .literal("Field recordings number \(n)")))
            quads.append(Quad(resource, iri("subject"), .literal(["river", "forest", "coast"][n % 3])))
            quads.append(Quad(resource, iri("description"), .literal(
                "A long description shared by every \(n % 5)th resource, long enough to skip the cache", language: "en")))
            quads.append(Quad(resource, iri("size"), .literal("\(n * 7)", datatype: XSD.nonNegativeInteger)))
            quads.append(Quad(resource, iri("location"), .blank("l\(n)")))
            quads.append(Quad(.blank("l\(n)"), iri("url"), iri("mirror/\(n % 11)")))
        }
        return quads
    }

    /// What a graph holds, as text, independent of term ids and of the description's number in
    /// the blank-node scope prefix.
    func contents(_ fixture: StoreFixture, graph: String) throws -> [String] {
        var lines: [String] = []
        try fixture.store.export(graph: graph) { quad in
            lines.append(quad.description.replacing(/_:b[0-9]+_/, with: "_:"))
        }
        return lines.sorted()
    }

    func schema(_ fixture: StoreFixture) throws -> [String] {
        let queue = try DatabaseQueue(path: fixture.path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || IFNULL(sql, '') FROM sqlite_master ORDER BY name")
        }
    }

    func checkTextIndex(_ fixture: StoreFixture) throws {
        let queue = try DatabaseQueue(path: fixture.path)
        defer { try? queue.close() }
        try queue.write { db in try db.execute(sql: "INSERT INTO term_text(term_text, rank) VALUES ('integrity-check', 1)") }
    }

    func search(_ fixture: StoreFixture, _ query: String) throws -> [String] {
        try fixture.store.read { snapshot in
            try snapshot.searchText(query, limit: 10_000).map { try snapshot.term($0.termID).literalValue?.lexical ?? "?" }.sorted()
        }
    }

    @Test func leavesWhatTheOrdinaryPathLeaves() throws {
        let quads = catalogue(resources: 300)
        let fresh = try StoreFixture()
        try fresh.publish("http://example.org/g", quads, body: "body")
        let busy = try StoreFixture()
        try busy.publish("http://example.org/other", [Quad(iri("x"), iri("title"), .literal("river"))])
        try busy.publish("http://example.org/g", quads, body: "body")

        #expect(try contents(fresh, graph: "http://example.org/g") == contents(busy, graph: "http://example.org/g"))
        #expect(try contents(fresh, graph: "http://example.org/g").count == quads.count)
        #expect(try schema(fresh) == schema(busy))
        #expect(try search(fresh, "field recordings").count == 300)
        #expect(try search(fresh, "long description cache") == search(busy, "long description cache"))
        try checkTextIndex(fresh)
        try checkTextIndex(busy)
        // Every repeated term was interned once.
        let terms = try fresh.store.statistics().terms
        #expect(terms == Set(quads.flatMap { [$0.subject, $0.predicate, $0.object] }).count + 1)
    }

    @Test func aLaterPublicationFindsTheTermsOfTheBulkLoad() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", catalogue(resources: 50))
        let before = try fixture.store.statistics().terms
        try fixture.publish("http://example.org/h", Array(catalogue(resources: 50).filter { !$0.subject.isBlank && !$0.object.isBlank }))
        // Only the new graph's name is new: every other term is shared through the rebuilt index.
        #expect(try fixture.store.statistics().terms == before + 1)
    }

    @Test func aFailureLateInTheLoadChangesNothing() throws {
        struct Interrupted: Error {}
        let fixture = try StoreFixture()
        let before = try fixture.dump()
        let quads = catalogue(resources: 400)
        #expect(throws: Interrupted.self) {
            try fixture.store.publish(DescriptionHeader(graph: "http://example.org/g", source: "t", syntax: "ntriples")) { writer in
                for start in stride(from: 0, to: quads.count, by: 100) {
                    try writer.add(Array(quads[start..<min(start + 100, quads.count)]))
                }
                throw Interrupted()
            }
        }
        #expect(try fixture.dump() == before)
        // The store still loads normally afterwards.
        try fixture.publish("http://example.org/g", quads)
        try checkTextIndex(fixture)
    }
}
