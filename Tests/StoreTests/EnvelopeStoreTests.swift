import Foundation
import GRDB
import RDF
import Store
import Testing

/// The store's rules for signed descriptions and retractions: ownership, version order,
/// per-publisher numbering, tombstones, expiry and the gossip reads. (Signing itself is
/// Publishing's; here a signer returns a recognisable head.)
@Suite("Signed descriptions in the store")
struct EnvelopeStoreTests {
    static let alice = String(repeating: "a", count: 52)
    static let bob = String(repeating: "b", count: 52)

    /// A local signer whose "head" records what the store asked it to seal.
    static func signer(_ publisher: String) -> LocalSigner {
        LocalSigner(publisher: publisher) { seal in
            Array("head \(seal.graph) v\(seal.version) \(seal.byteCount) \(seal.digest)\n\n".utf8)
        }
    }

    @discardableResult
    func publish(_ fixture: StoreFixture, _ graph: String, _ value: String, origin: DescriptionOrigin,
                 expires: Date? = nil) throws -> PublishOutcome {
        let body = Array("<http://example.org/s> <http://example.org/p> \"\(value)\" .\n".utf8)
        return try fixture.store.publish(DescriptionHeader(graph: graph, source: "test", syntax: "ntriples", expires: expires, origin: origin)) { writer in
            try body.withUnsafeBytes { try writer.appendBody($0) }
            writer.digest = "sha256:\(value)"
            try writer.add([Quad(iri("s"), iri("p"), .literal(value))])
        }
    }

    func received(_ publisher: String, _ version: Int) -> DescriptionOrigin {
        .received(publisher: publisher, version: version, envelope: Array("received head v\(version)\n\n".utf8))
    }

    @Test("the local identity numbers per publisher: one past its mark and the graph's version")
    func localNumbering() throws {
        let fixture = try StoreFixture()
        let alice = Self.signer(Self.alice)
        #expect(try publish(fixture, "http://example.org/one", "1", origin: .local(alice)).version == 1)
        #expect(try publish(fixture, "http://example.org/two", "2", origin: .local(alice)).version == 2)
        #expect(try publish(fixture, "http://example.org/one", "3", origin: .local(alice)).version == 3)
        // An unsigned description at version 7 taken over by the identity goes on from there.
        for value in 1...7 { try publish(fixture, "http://example.org/local", "\(value)", origin: .unsigned) }
        #expect(try publish(fixture, "http://example.org/local", "8", origin: .local(alice)).version == 8)
        #expect(try fixture.store.publisherVersions() == [Self.alice: 8])
        let record = try #require(try fixture.store.descriptions().first { $0.graph == "http://example.org/local" })
        #expect(record.publisher == Self.alice)
    }

    @Test("the sealed head is stored and comes back with the verbatim body")
    func sealedHeadAndBody() throws {
        let fixture = try StoreFixture()
        try publish(fixture, "http://example.org/one", "x", origin: .local(Self.signer(Self.alice)))
        let listing = try #require(try fixture.store.pendingEnvelopes(publisher: Self.alice, above: 0).first)
        let body = "<http://example.org/s> <http://example.org/p> \"x\" .\n"
        let head = "head http://example.org/one v1 \(body.utf8.count) sha256:x\n\n"
        #expect(listing.byteCount == head.utf8.count + body.utf8.count)
        #expect(try fixture.store.envelopes([listing]) == [Array((head + body).utf8)])
    }

    @Test("a graph belongs to its publisher: others, and unsigned writes, are refused and change nothing")
    func ownership() throws {
        let fixture = try StoreFixture()
        try publish(fixture, "http://example.org/g", "alice", origin: received(Self.alice, 4))
        try publish(fixture, "http://example.org/local", "mine", origin: .unsigned)
        let before = try fixture.dump()
        #expect(throws: StoreError.graphOwnedByPublisher(graph: "http://example.org/g", publisher: Self.alice)) {
            try publish(fixture, "http://example.org/g", "bob", origin: received(Self.bob, 9))
        }
        #expect(throws: StoreError.graphOwnedByPublisher(graph: "http://example.org/g", publisher: Self.alice)) {
            try publish(fixture, "http://example.org/g", "bob", origin: .local(Self.signer(Self.bob)))
        }
        #expect(throws: StoreError.graphOwnedByPublisher(graph: "http://example.org/g", publisher: Self.alice)) {
            try publish(fixture, "http://example.org/g", "unsigned", origin: .unsigned)
        }
        #expect(throws: StoreError.graphOwnedByPublisher(graph: "http://example.org/g", publisher: Self.alice)) {
            try fixture.store.retract(graph: "http://example.org/g")
        }
        // A gossiped envelope may not take over an unsigned description of this store.
        #expect(throws: StoreError.graphOwnedByPublisher(graph: "http://example.org/local", publisher: nil)) {
            try publish(fixture, "http://example.org/local", "bob", origin: received(Self.bob, 1))
        }
        #expect(try fixture.dump() == before)
    }

    @Test("only a strictly newer version replaces a received description")
    func versionOrder() throws {
        let fixture = try StoreFixture()
        try publish(fixture, "http://example.org/g", "v4", origin: received(Self.alice, 4))
        let before = try fixture.dump()
        for stale in [4, 3] {
            #expect(throws: StoreError.staleVersion(graph: "http://example.org/g", held: 4, offered: stale)) {
                try publish(fixture, "http://example.org/g", "v\(stale)", origin: received(Self.alice, stale))
            }
        }
        #expect(try fixture.dump() == before)
        let outcome = try publish(fixture, "http://example.org/g", "v6", origin: received(Self.alice, 6))
        #expect(outcome.replaced && outcome.version == 6)
        #expect(try fixture.quads().map(\.object) == [.literal("v6")])
        #expect(try fixture.store.publisherVersions() == [Self.alice: 6])
    }

    @Test("a retraction removes the description, stays as a tombstone, and keeps older versions out")
    func retraction() throws {
        let fixture = try StoreFixture()
        try publish(fixture, "http://example.org/keep", "shared", origin: received(Self.alice, 1))
        try publish(fixture, "http://example.org/g", "only-here", origin: received(Self.alice, 2))
        let terms = try fixture.store.statistics().terms
        try fixture.store.apply(ReceivedRetraction(graph: "http://example.org/g", publisher: Self.alice, version: 3,
                                                   issued: Date(), expires: nil, envelope: Array("retraction v3\n\n".utf8)))
        #expect(try fixture.store.descriptions().map(\.graph) == ["http://example.org/keep"])
        #expect(try fixture.store.statistics().terms == terms - 2) // the graph name and "only-here"
        #expect(try fixture.store.retractions().map(\.version) == [3])
        // An older version arriving late cannot bring it back; another publisher cannot either.
        #expect(throws: StoreError.staleVersion(graph: "http://example.org/g", held: 3, offered: 2)) {
            try publish(fixture, "http://example.org/g", "late", origin: received(Self.alice, 2))
        }
        #expect(throws: StoreError.graphOwnedByPublisher(graph: "http://example.org/g", publisher: Self.alice)) {
            try publish(fixture, "http://example.org/g", "bob", origin: received(Self.bob, 10))
        }
        // The retraction itself travels: listed with its envelope.
        let pending = try fixture.store.pendingEnvelopes(publisher: Self.alice, above: 1)
        #expect(pending.map(\.version) == [3])
        #expect(pending.first?.isRetraction == true)
        #expect(try fixture.store.envelopes(pending) == [Array("retraction v3\n\n".utf8)])
        // A newer description replaces the tombstone.
        let outcome = try publish(fixture, "http://example.org/g", "back", origin: received(Self.alice, 5))
        #expect(!outcome.replaced)
        #expect(try fixture.store.retractions().isEmpty)
    }

    @Test("a retraction arriving before its description is kept, so the description never appears")
    func retractionFirst() throws {
        let fixture = try StoreFixture()
        try fixture.store.apply(ReceivedRetraction(graph: "http://example.org/g", publisher: Self.alice, version: 2,
                                                   issued: Date(), expires: nil, envelope: Array("r\n\n".utf8)))
        #expect(throws: StoreError.staleVersion(graph: "http://example.org/g", held: 2, offered: 1)) {
            try publish(fixture, "http://example.org/g", "v1", origin: received(Self.alice, 1))
        }
        #expect(try fixture.store.descriptions().isEmpty)
    }

    @Test("a local signed retraction numbers on, and refuses another publisher's graph")
    func localRetraction() throws {
        let fixture = try StoreFixture()
        let alice = Self.signer(Self.alice)
        try publish(fixture, "http://example.org/a", "a", origin: .local(alice))
        try publish(fixture, "http://example.org/b", "b", origin: .local(alice))
        try publish(fixture, "http://example.org/bob", "b", origin: received(Self.bob, 1))
        let before = try fixture.dump()
        // All or none: Bob's graph in the list stops the whole retraction.
        #expect(throws: StoreError.graphOwnedByPublisher(graph: "http://example.org/bob", publisher: Self.bob)) {
            try fixture.store.retract(["http://example.org/a", "http://example.org/bob"], by: alice)
        }
        #expect(try fixture.dump() == before)
        let records = try fixture.store.retract(["http://example.org/a"], by: alice)
        #expect(records.map(\.version) == [3])
        #expect(try fixture.store.publisherVersions()[Self.alice] == 3)
        #expect(throws: StoreError.noSuchGraph("http://example.org/a")) {
            try fixture.store.retract(["http://example.org/a"], by: alice)
        }
    }

    @Test("pending envelopes come in version order, as a prefix within the byte budget")
    func pendingWithinBudget() throws {
        let fixture = try StoreFixture()
        let alice = Self.signer(Self.alice)
        for index in 1...5 { try publish(fixture, "http://example.org/\(index)", "\(index)", origin: .local(alice)) }
        try publish(fixture, "http://example.org/2", "again", origin: .local(alice)) // v6 supersedes v2
        let all = try fixture.store.pendingEnvelopes(publisher: Self.alice, above: 0)
        #expect(all.map(\.version) == [1, 3, 4, 5, 6])
        #expect(try fixture.store.pendingEnvelopes(publisher: Self.alice, above: 4).map(\.version) == [5, 6])
        let size = all[0].byteCount
        #expect(try fixture.store.pendingEnvelopes(publisher: Self.alice, above: 0, byteBudget: size * 2 + 1).map(\.version) == [1, 3])
        // At least one, even when it alone is over the budget.
        #expect(try fixture.store.pendingEnvelopes(publisher: Self.alice, above: 0, byteBudget: 1).map(\.version) == [1])
        // A listing replaced since it was listed comes back nil.
        try publish(fixture, "http://example.org/1", "newer", origin: .local(alice))
        #expect(try fixture.store.envelopes([all[0]]) == [nil])
    }

    @Test("expired descriptions and retractions are purged; the publisher's mark stays")
    func purge() throws {
        let fixture = try StoreFixture()
        let now = Date()
        try publish(fixture, "http://example.org/soon", "soon", origin: received(Self.alice, 1), expires: now.addingTimeInterval(60))
        try publish(fixture, "http://example.org/later", "later", origin: received(Self.alice, 2), expires: now.addingTimeInterval(7200))
        try publish(fixture, "http://example.org/never", "never", origin: received(Self.bob, 1))
        try fixture.store.apply(ReceivedRetraction(graph: "http://example.org/gone", publisher: Self.bob, version: 2,
                                                   issued: now, expires: now.addingTimeInterval(60), envelope: Array("r\n\n".utf8)))
        #expect(try fixture.store.purgeExpired(now: now).isEmpty)
        let report = try fixture.store.purgeExpired(now: now.addingTimeInterval(3600))
        #expect(report == PurgeReport(descriptions: ["http://example.org/soon"], retractions: ["http://example.org/gone"]))
        #expect(try fixture.store.descriptions().map(\.graph) == ["http://example.org/later", "http://example.org/never"])
        #expect(try fixture.store.retractions().isEmpty)
        #expect(try !fixture.quads().contains { $0.object == .literal("soon") })
        #expect(try fixture.store.publisherVersions() == [Self.alice: 2, Self.bob: 2])
    }

    @Test("the schema keeps envelope heads, retractions and publishers' marks")
    func migration() throws {
        let fixture = try StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        defer { try? queue.close() }
        let columns = try queue.read { db in try db.columns(in: "descriptions").map(\.name) }
        #expect(columns.contains("envelope") && !columns.contains("signature"))
        let tables = try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables.contains("tombstones") && tables.contains("publisher_versions"))
    }
}
