import Foundation
import Publishing
import RDF
import RDFSyntax
import Store
import Testing

/// A store with its own identity, as a node or the CLI has.
final class SignedFixture {
    let directory: String
    let store: QuadStore
    let identity: PeerIdentity
    let publisher: DescriptionPublisher

    init(identity: PeerIdentity = .generate()) throws {
        directory = NSTemporaryDirectory() + "grapevine-signed-tests-" + UUID().uuidString
        store = try QuadStore(path: directory + "/store.sqlite")
        self.identity = identity
        publisher = DescriptionPublisher(store: store, shapes: try ShapesGraph.bundled(), identity: identity)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    @discardableResult
    func publish(_ text: String, graph: String, expires: Date? = nil, name: String = "d.ttl") throws -> PublishOutcome {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try publisher.publish(PublishRequest(source: .file(path), graph: graph, expires: expires))
    }

    /// Every envelope this store holds of `publisher`, verbatim.
    func envelopes(of publisher: PeerID, above version: Int = 0) throws -> [[UInt8]] {
        try store.envelopes(try store.pendingEnvelopes(publisher: publisher.description, above: version)).map { try #require($0) }
    }

    /// The store's quads, blank nodes unlabelled (labels are the parser's and the store's own).
    func quads() throws -> Set<Quad> {
        var quads: Set<Quad> = []
        try store.export { quad in
            quads.insert(Quad(quad.subject.isBlank ? .blank("_") : quad.subject, quad.predicate,
                              quad.object.isBlank ? .blank("_") : quad.object, graph: quad.graph))
        }
        return quads
    }

    /// Everything the store holds, through its public reads: equal snapshots mean nothing changed.
    func snapshot() throws -> [String] {
        var lines = try store.descriptions().map { "\($0.graph) \($0.publisher ?? "-") v\($0.version) \($0.digest) \($0.quadCount)" }
        lines += try store.retractions().map { "retracted \($0.graph) \($0.publisher) v\($0.version)" }
        lines += try store.publisherVersions().sorted { $0.key < $1.key }.map { "mark \($0.key) \($0.value)" }
        try store.export { lines.append($0.description) }
        let stats = try store.statistics()
        lines.append("\(stats.descriptions) \(stats.graphs) \(stats.quads) \(stats.terms)")
        return lines
    }
}

func resource(_ title: String, subject: String = "https://example.org/r1") -> String {
    validResource.replacingOccurrences(of: "A resource", with: title).replacingOccurrences(of: "https://example.org/r1", with: subject)
}

@Suite("Signed publishing and accepting envelopes")
struct SignedPublishingTests {
    static let graph = "https://example.org/catalogue"

    @Test("each publication is signed, numbered per publisher, and its envelope verifies")
    func signedPublication() throws {
        let fixture = try SignedFixture()
        #expect(try fixture.publish(resource("One"), graph: Self.graph).version == 1)
        #expect(try fixture.publish(resource("Two"), graph: "https://example.org/other").version == 2)
        #expect(try fixture.publish(resource("One again"), graph: Self.graph).version == 3)
        let envelopes = try fixture.envelopes(of: fixture.identity.id).map { try Envelope.verified($0) }
        #expect(envelopes.map(\.header.version) == [2, 3])
        #expect(envelopes.allSatisfy { $0.header.publisher == fixture.identity.id })
        #expect(Array(envelopes[1].body) == Array(resource("One again").utf8))
        #expect(try fixture.store.descriptions().allSatisfy { $0.publisher == fixture.identity.id.description })
        #expect(try fixture.store.publisherVersions() == [fixture.identity.id.description: 3])
    }

    @Test("an envelope accepted by another store gives it the same quads, with relative IRIs resolved alike")
    func acceptedElsewhere() throws {
        let a = try SignedFixture(), b = try SignedFixture()
        // Published from a file under another graph name: the base (the file's URL) travels.
        let relative = resource("Relative").replacingOccurrences(of: "<https://example.org/r1>", with: "<r1>")
        try a.publish(relative, graph: Self.graph, expires: Date().addingTimeInterval(3600), name: "relative.ttl")
        let envelope = try #require(try a.envelopes(of: a.identity.id).first)
        #expect(String(decoding: envelope, as: UTF8.self).contains("base: file://"))
        let outcome = try b.publisher.accept(envelope, from: a.identity.id)
        guard case .accepted(let header) = outcome else { Issue.record("\(outcome)"); return }
        #expect(header.graph == Self.graph)
        #expect(try b.quads() == a.quads())
        #expect(try b.quads().contains { $0.subject == .iri(URL(fileURLWithPath: a.directory + "/r1").absoluteString) })
        let record = try #require(try b.store.descriptions().first)
        #expect(record.publisher == a.identity.id.description && record.version == 1 && record.expires != nil)
        #expect(record.source == "peer \(a.identity.id)")
        // B passes on exactly the bytes A signed.
        #expect(try b.envelopes(of: a.identity.id) == [envelope])
    }

    @Test("the same or an older version again is ignored")
    func replayIgnored() throws {
        let a = try SignedFixture(), b = try SignedFixture()
        try a.publish(resource("Old"), graph: Self.graph)
        let old = try #require(try a.envelopes(of: a.identity.id).first)
        try a.publish(resource("New"), graph: Self.graph)
        let new = try #require(try a.envelopes(of: a.identity.id).first)
        #expect(try b.publisher.accept(new) == .accepted(try Envelope.verified(new).header))
        let before = try b.snapshot()
        #expect(try b.publisher.accept(new) == .ignored(try Envelope.verified(new).header, .notNewer(held: 2)))
        #expect(try b.publisher.accept(old) == .ignored(try Envelope.verified(old).header, .notNewer(held: 2)))
        #expect(try b.snapshot() == before)
    }

    @Test("another publisher's envelope for a graph is ignored, the graph kept, and its mark raised")
    func forgedPublisherIgnored() throws {
        let a = try SignedFixture(), b = try SignedFixture(), c = try SignedFixture()
        try a.publish(resource("A's"), graph: Self.graph)
        _ = try b.publisher.accept(try #require(try a.envelopes(of: a.identity.id).first))
        let quads = try b.quads()
        // C signs its own envelope for A's graph, with a higher version.
        let forged = try Envelope.sign(body: Array(resource("C's").utf8), graph: Self.graph, version: 9, issued: Date(),
                                       syntax: .turtle, by: c.identity)
        guard case .ignored(_, .ownedElsewhere(let reason)) = try b.publisher.accept(forged.bytes) else {
            Issue.record("C's envelope for A's graph was not ignored")
            return
        }
        #expect(reason.contains(a.identity.id.description))
        #expect(try b.quads() == quads)
        #expect(try b.store.publisherVersions()[c.identity.id.description] == 9)
    }

    @Test("a gossiped envelope cannot replace an unsigned local description; the local identity can")
    func unsignedLocalDescriptions() throws {
        let b = try SignedFixture()
        let unsigned = DescriptionPublisher(store: b.store, shapes: try ShapesGraph.bundled())
        try unsigned.publish(PublishRequest(source: .bytes(Array(resource("Local").utf8), name: "local.ttl"), graph: Self.graph,
                                            parse: ParseOptions(syntax: .turtle)))
        let other = PeerIdentity.generate()
        let envelope = try Envelope.sign(body: Array(resource("Theirs").utf8), graph: Self.graph, version: 5, issued: Date(),
                                         syntax: .turtle, by: other)
        guard case .ignored(_, .ownedElsewhere) = try b.publisher.accept(envelope.bytes) else {
            Issue.record("a peer replaced an unsigned local description")
            return
        }
        let outcome = try b.publish(resource("Signed now"), graph: Self.graph)
        #expect(outcome.replaced && outcome.version == 2)
        #expect(try b.store.descriptions().first?.publisher == b.identity.id.description)
        // From now on an unsigned publish may not touch it.
        #expect(throws: StoreError.graphOwnedByPublisher(graph: Self.graph, publisher: b.identity.id.description)) {
            try unsigned.publish(PublishRequest(source: .bytes(Array(resource("Unsigned").utf8), name: "u.ttl"), graph: Self.graph,
                                                parse: ParseOptions(syntax: .turtle)))
        }
    }

    @Test("a signed retraction removes the description here and there, and keeps travelling")
    func retraction() throws {
        let a = try SignedFixture(), b = try SignedFixture()
        try a.publish(resource("Doomed"), graph: Self.graph)
        let published = try #require(try a.envelopes(of: a.identity.id).first)
        _ = try b.publisher.accept(published)
        let records = try a.publisher.retract([Self.graph])
        #expect(records.map(\.version) == [2])
        #expect(try a.store.descriptions().isEmpty)
        let retraction = try #require(try a.envelopes(of: a.identity.id, above: 1).first)
        let header = try Envelope.verified(retraction).header
        #expect(header.isRetraction && header.version == 2)
        #expect(try b.publisher.accept(retraction) == .accepted(header))
        #expect(try b.store.descriptions().isEmpty && b.quads().isEmpty)
        #expect(try b.store.retractions().map(\.graph) == [Self.graph])
        // B passes the retraction on, and the old description cannot come back.
        #expect(try b.envelopes(of: a.identity.id) == [retraction])
        guard case .ignored(_, .notNewer(held: 2)) = try b.publisher.accept(published) else {
            Issue.record("a retracted description came back")
            return
        }
    }

    @Test("without an identity, retract removes unsigned descriptions only, and all or none")
    func unsignedRetract() throws {
        let fixture = try SignedFixture()
        let unsigned = DescriptionPublisher(store: fixture.store, shapes: try ShapesGraph.bundled())
        try unsigned.publish(PublishRequest(source: .bytes(Array(resource("Local").utf8), name: "local.ttl"),
                                            graph: "https://example.org/local", parse: ParseOptions(syntax: .turtle)))
        try fixture.publish(resource("Signed"), graph: Self.graph)
        let before = try fixture.snapshot()
        #expect(throws: StoreError.graphOwnedByPublisher(graph: Self.graph, publisher: fixture.identity.id.description)) {
            try unsigned.retract(["https://example.org/local", Self.graph])
        }
        #expect(throws: StoreError.noSuchGraph("https://example.org/typo")) {
            try unsigned.retract(["https://example.org/local", "https://example.org/typo"])
        }
        #expect(try fixture.snapshot() == before)
        #expect(try unsigned.retract(["https://example.org/local"]).isEmpty)
        #expect(try fixture.store.descriptions().map(\.graph) == [Self.graph])
        #expect(try fixture.store.retractions().isEmpty)
    }

    @Test("bad envelopes are invalid, name what they can, and change nothing", arguments: ["signature", "digest", "body", "rules", "size"])
    func invalidChangesNothing(damage: String) throws {
        let a = try SignedFixture(), b = try SignedFixture()
        try a.publish(resource("Kept"), graph: "https://example.org/kept")
        _ = try b.publisher.accept(try #require(try a.envelopes(of: a.identity.id).first))
        let before = try b.snapshot()
        var bytes: [UInt8]
        var limit = Envelope.defaultMaxBytes
        switch damage {
        case "signature":
            var header = try Envelope.sign(body: Array(resource("X").utf8), graph: Self.graph, version: 2, issued: Date(),
                                           syntax: .turtle, by: a.identity).header
            header.signature[0] ^= 1
            bytes = header.bytes + Array(resource("X").utf8)
        case "digest":
            bytes = try Envelope.sign(body: Array(resource("X").utf8), graph: Self.graph, version: 2, issued: Date(),
                                      syntax: .turtle, by: a.identity).bytes
            bytes[bytes.count - 5] ^= 1
        case "body":
            bytes = try Envelope.sign(body: Array("<a> <b> .".utf8), graph: Self.graph, version: 2, issued: Date(),
                                      syntax: .turtle, by: a.identity).bytes
        case "rules":
            let untitled = resource("X").replacingOccurrences(of: "dcterms:title \"X\" ;", with: "")
            bytes = try Envelope.sign(body: Array(untitled.utf8), graph: Self.graph, version: 2, issued: Date(),
                                      syntax: .turtle, by: a.identity).bytes
        default:
            bytes = try Envelope.sign(body: Array(resource("X").utf8), graph: Self.graph, version: 2, issued: Date(),
                                      syntax: .turtle, by: a.identity).bytes
            limit = bytes.count - 1
        }
        guard case .invalid(let reason) = try b.publisher.accept(bytes, maxBytes: limit) else {
            Issue.record("a damaged envelope (\(damage)) was not refused")
            return
        }
        #expect(reason.contains("publisher \(a.identity.id) graph <\(Self.graph)> version 2"), "\(reason)")
        #expect(try b.snapshot() == before)
    }

    @Test("untrusted publishers and expired envelopes are ignored, but their mark is raised")
    func trustAndExpiry() throws {
        let a = try SignedFixture(), b = try SignedFixture()
        try a.publish(resource("Short-lived"), graph: Self.graph, expires: Date().addingTimeInterval(60))
        let envelope = try #require(try a.envelopes(of: a.identity.id).first)
        let header = try Envelope.verified(envelope).header
        #expect(try b.publisher.accept(envelope, trust: [b.identity.id]) == .ignored(header, .untrusted))
        #expect(try b.publisher.accept(envelope, now: Date().addingTimeInterval(120)) == .ignored(header, .expired))
        #expect(try b.store.descriptions().isEmpty)
        #expect(try b.store.publisherVersions() == [a.identity.id.description: 1])
        #expect(try b.publisher.accept(envelope, trust: [a.identity.id]) == .accepted(header))
    }

    @Test("what cannot be signed is refused before any work")
    func refusedRequests() throws {
        let fixture = try SignedFixture()
        #expect(throws: PublishRefused.self) {
            try fixture.publish(resource("Past"), graph: Self.graph, expires: Date().addingTimeInterval(-10))
        }
        let empty = try #require(throws: PublishRefused.self) { try fixture.publish("", graph: Self.graph) }
        #expect(empty.reason.contains("retract"))
        #expect(try fixture.store.descriptions().isEmpty)
    }

    @Test("expiry is a duration from now or an ISO 8601 time")
    func expiryTimes() throws {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(ExpiryTime.parse("90s", now: now) == now.addingTimeInterval(90))
        #expect(ExpiryTime.parse("30m", now: now) == now.addingTimeInterval(1800))
        #expect(ExpiryTime.parse("12h", now: now) == now.addingTimeInterval(43_200))
        #expect(ExpiryTime.parse("7d", now: now) == now.addingTimeInterval(604_800))
        #expect(ExpiryTime.parse("2026-12-24T18:00:00Z", now: now) == Date(timeIntervalSince1970: 1_798_135_200))
        #expect(ExpiryTime.parse("2026-12-24T19:00:00+01:00", now: now) == Date(timeIntervalSince1970: 1_798_135_200))
        for bad in ["", "d", "0d", "-1d", "7 d", "7y", "tomorrow", "2026-12-24"] {
            #expect(ExpiryTime.parse(bad, now: now) == nil, "\(bad)")
        }
    }

    @Test("the store's publisher IRI prefix is the peer id's")
    func publisherIRIPrefix() {
        #expect(StoreSnapshot.publisherIRIPrefix == PeerID.publisherIRIPrefix)
    }
}
