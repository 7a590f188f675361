import Foundation
import Gossip
import Publishing
import RDF
import RDFSyntax
import Store
import Testing

/// A node's store with its own identity, on disk, and the repository over it.
final class RepositoryPeer {
    let directory: String
    let store: QuadStore
    let identity: PeerIdentity
    let publisher: DescriptionPublisher
    let repository: StoreEnvelopeRepository

    init() throws {
        directory = NSTemporaryDirectory() + "grapevine-repository-tests-" + UUID().uuidString
        store = try QuadStore(path: directory + "/store.sqlite")
        identity = PeerIdentity.generate()
        publisher = DescriptionPublisher(store: store, shapes: try ShapesGraph.bundled(), identity: identity)
        repository = StoreEnvelopeRepository(store: store, publisher: publisher)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var id: PeerID { identity.id }

    /// A repository over the same store with other settings.
    func repository(trust: Set<PeerID> = [], maxEnvelopeBytes: Int = Envelope.defaultMaxBytes,
                    now: @escaping @Sendable () -> Date = { Date() }) -> StoreEnvelopeRepository {
        StoreEnvelopeRepository(store: store, publisher: publisher, trust: trust, maxEnvelopeBytes: maxEnvelopeBytes, now: now)
    }

    @discardableResult
    func publish(_ title: String, graph: String, expires: Date? = nil) throws -> PublishOutcome {
        try publisher.publish(PublishRequest(source: .bytes(Array(description(title).utf8), name: title), graph: graph,
                                             parse: ParseOptions(syntax: .turtle, baseIRI: graph), expires: expires))
    }

    func quads() throws -> Set<Quad> {
        var quads: Set<Quad> = []
        // Blank-node labels are scoped per store; compare the rest.
        try store.export { quad in
            let object: Term = quad.object.isBlank ? .blank("_") : quad.object
            let subject: Term = quad.subject.isBlank ? .blank("_") : quad.subject
            quads.insert(Quad(subject, quad.predicate, object, graph: quad.graph))
        }
        return quads
    }

    /// Everything the store holds, through its reads (rows, quads, retractions, marks and every
    /// envelope's bytes): equal dumps mean the store did not change.
    func dump() throws -> [String] {
        var lines = try store.descriptions().map { "\($0.graph) \($0.publisher ?? "-") v\($0.version) \($0.digest) \($0.quadCount) \($0.source)" }
        lines += try store.retractions().map { "retracted \($0.graph) \($0.publisher) v\($0.version)" }
        let marks = try store.publisherVersions()
        for (publisher, version) in marks.sorted(by: { $0.key < $1.key }) {
            lines.append("mark \(publisher) \(version)")
            for bytes in try store.envelopes(try store.pendingEnvelopes(publisher: publisher, above: 0)) {
                lines.append(bytes.map { String(decoding: $0, as: UTF8.self) } ?? "missing")
            }
        }
        try store.export { lines.append($0.description) }
        let stats = try store.statistics()
        lines.append("\(stats.descriptions) \(stats.graphs) \(stats.quads) \(stats.terms)")
        return lines
    }

    /// Sends `to` everything it lacks, as one exchange would; returns what it made of it.
    @discardableResult
    func send(to peer: RepositoryPeer, budget: Int = 1 << 20) async throws -> AcceptReport {
        let delta = try await repository.delta(for: try await peer.repository.digest(), budget: budget)
        return try await peer.repository.accept(delta, from: id)
    }
}

/// A description that keeps the publishing rules.
func description(_ title: String) -> String {
    """
    @prefix gv: <https://w3id.org/grapevine/ns#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    <#resource> a gv:Resource ;
        dcterms:title "\(title)" ;
        gv:location [ gv:url <https://mirror.example.org/\(title.replacingOccurrences(of: " ", with: "-")).tar.gz> ] .

    """
}

@Suite("The store-backed envelope repository")
struct StoreRepositoryTests {
    static func graph(_ name: String) -> String { "https://example.org/\(name)" }

    @Test("what A publishes reaches B: equal digests, equal quads, nothing more to send")
    func publishTravels() async throws {
        let a = try RepositoryPeer(), b = try RepositoryPeer()
        for name in ["one", "two", "three"] { try a.publish("Resource \(name)", graph: Self.graph(name)) }
        let report = try await a.send(to: b)
        #expect(report == AcceptReport(accepted: 3))
        #expect(try await b.repository.digest() == a.repository.digest())
        #expect(try await b.repository.digest()[a.id] == 3)
        #expect(try b.quads() == a.quads())
        #expect(try b.quads().count > 0)
        #expect(try await a.repository.delta(for: try await b.repository.digest(), budget: 1 << 20).isEmpty)
        // B now serves A's envelopes too, byte for byte.
        let c = try RepositoryPeer()
        #expect(try await b.repository.delta(for: Digest(), budget: 1 << 20)
                == a.repository.delta(for: Digest(), budget: 1 << 20))
        #expect(try await b.send(to: c) == AcceptReport(accepted: 3))
        #expect(try c.quads() == a.quads())
    }

    @Test("replacements and retractions travel")
    func replacementAndRetraction() async throws {
        let a = try RepositoryPeer(), b = try RepositoryPeer()
        try a.publish("First", graph: Self.graph("kept"))
        try a.publish("Doomed", graph: Self.graph("doomed"))
        try await a.send(to: b)
        try a.publish("Second", graph: Self.graph("kept"))
        try a.publisher.retract([Self.graph("doomed")])
        #expect(try await a.send(to: b) == AcceptReport(accepted: 2))
        #expect(try b.quads() == a.quads())
        #expect(try b.store.descriptions().map(\.graph) == [Self.graph("kept")])
        #expect(try b.store.descriptions().first?.version == 3)
        #expect(try b.store.retractions().map(\.graph) == [Self.graph("doomed")])
        #expect(try await b.repository.digest() == a.repository.digest())
    }

    @Test("a tampered byte is refused and B is unchanged")
    func tamperedByteRefused() async throws {
        let a = try RepositoryPeer(), b = try RepositoryPeer()
        try a.publish("Before", graph: Self.graph("before"))
        try await a.send(to: b)
        try a.publish("Tampered", graph: Self.graph("tampered"))
        let delta = try await a.repository.delta(for: try await b.repository.digest(), budget: 1 << 20)
        let before = try b.dump()
        for position in [20, delta[0].bytes.count / 2, delta[0].bytes.count - 3] {
            var bytes = delta[0].bytes
            bytes[position] ^= 0x04
            let report = try await b.repository.accept([EnvelopeData(bytes)], from: a.id)
            #expect(report.accepted == 0 && report.ignored == 0 && report.invalid.count == 1)
            #expect(try b.dump() == before)
        }
        #expect(try await b.repository.accept(delta, from: a.id) == AcceptReport(accepted: 1))
    }

    @Test("a replayed old version is ignored")
    func replayIgnored() async throws {
        let a = try RepositoryPeer(), b = try RepositoryPeer()
        try a.publish("Old", graph: Self.graph("g"))
        let old = try await a.repository.delta(for: Digest(), budget: 1 << 20)
        try await a.send(to: b)
        try a.publish("New", graph: Self.graph("g"))
        try await a.send(to: b)
        let before = try b.dump()
        #expect(try await b.repository.accept(old, from: a.id) == AcceptReport(ignored: 1))
        #expect(try b.dump() == before)
    }

    @Test("C cannot take over A's graph: its own envelope is ignored, a forged one refused")
    func forgedPublisher() async throws {
        let a = try RepositoryPeer(), b = try RepositoryPeer(), c = try RepositoryPeer()
        try a.publish("A's own", graph: Self.graph("g"))
        try await a.send(to: b)
        let quads = try b.quads()
        // C signs, as itself, a newer version of A's graph.
        let own = try Envelope.sign(body: Array(description("C's takeover").utf8), graph: Self.graph("g"), version: 50,
                                    issued: Date(), syntax: .turtle, by: c.identity)
        #expect(try await b.repository.accept([EnvelopeData(own.bytes)], from: c.id) == AcceptReport(ignored: 1))
        // C signs a head that claims to be A's.
        var claimed = own.header
        claimed.publisher = a.id
        let forged = claimed.bytes + Array(own.body)
        let report = try await b.repository.accept([EnvelopeData(forged)], from: c.id)
        #expect(report.invalid.count == 1)
        #expect(report.invalid.first?.contains("publisher \(a.id) graph <\(Self.graph("g"))> version 50") == true)
        #expect(try b.quads() == quads)
        #expect(try b.store.descriptions().first?.publisher == a.id.description)
    }

    @Test("an envelope over the size limit is refused")
    func oversizedRefused() async throws {
        let a = try RepositoryPeer(), b = try RepositoryPeer()
        try a.publish("Large enough", graph: Self.graph("g"))
        let delta = try await a.repository.delta(for: Digest(), budget: 1 << 20)
        let before = try b.dump()
        let report = try await b.repository(maxEnvelopeBytes: 300).accept(delta, from: a.id)
        #expect(report.invalid.count == 1)
        #expect(report.invalid.first?.contains("over the limit of 300") == true)
        #expect(try b.dump() == before)
    }

    @Test("a delta stays within its budget, oldest first, each publisher's part a prefix")
    func budgetAndPrefix() async throws {
        let a = try RepositoryPeer(), c = try RepositoryPeer(), b = try RepositoryPeer(), d = try RepositoryPeer()
        for index in 1...3 { try c.publish("C \(index)", graph: Self.graph("c\(index)")) }
        try await Task.sleep(for: .milliseconds(1100)) // issued times have whole seconds
        for index in 1...4 { try a.publish("A \(index)", graph: Self.graph("a\(index)")) }
        try a.publish("A 1 again", graph: Self.graph("a1")) // v5 supersedes v1
        try await a.send(to: b)
        try await c.send(to: b)

        // One envelope is always sent, even over the budget: C's oldest.
        let single = try await b.repository.delta(for: Digest(), budget: 1)
        #expect(try single.map { try Envelope.verified($0.bytes).header.publisher } == [c.id])

        let budget = single[0].bytes.count * 5 / 2
        var rounds = 0
        var received: [PeerID: [Int]] = [:]
        while true {
            let delta = try await b.repository.delta(for: try await d.repository.digest(), budget: budget)
            if delta.isEmpty { break }
            rounds += 1
            #expect(delta.count == 1 || delta.reduce(0) { $0 + $1.bytes.count } <= budget)
            for envelope in delta {
                let header = try Envelope.verified(envelope.bytes).header
                received[header.publisher, default: []].append(header.version)
            }
            #expect(try await d.repository.accept(delta, from: b.id).accepted == delta.count)
            #expect(rounds < 10)
        }
        #expect(rounds >= 3)
        // Every version each publisher still has, in order, none skipped or repeated.
        #expect(received[c.id] == [1, 2, 3])
        #expect(received[a.id] == [2, 3, 4, 5])
        #expect(try await d.repository.digest() == b.repository.digest())
        #expect(try d.quads() == b.quads())
    }

    @Test("a publisher outside the trust list is ignored, yet its version is remembered")
    func untrustedIgnored() async throws {
        let a = try RepositoryPeer(), b = try RepositoryPeer(), c = try RepositoryPeer()
        try a.publish("Untrusted", graph: Self.graph("a"))
        try c.publish("Trusted", graph: Self.graph("c"))
        let delta = try await a.repository.delta(for: Digest(), budget: 1 << 20)
            + c.repository.delta(for: Digest(), budget: 1 << 20)
        let report = try await b.repository(trust: [c.id]).accept(delta, from: a.id)
        #expect(report == AcceptReport(accepted: 1, ignored: 1))
        #expect(try b.store.descriptions().map(\.publisher) == [c.id.description])
        #expect(try await b.repository.digest()[a.id] == 1)
        #expect(try await a.repository.delta(for: try await b.repository.digest(), budget: 1 << 20).isEmpty)
    }

    @Test("expired descriptions are ignored on arrival and purged once they expire")
    func expiry() async throws {
        let a = try RepositoryPeer(), b = try RepositoryPeer(), late = try RepositoryPeer()
        try a.publish("Brief", graph: Self.graph("brief"), expires: Date().addingTimeInterval(60))
        try a.publish("Lasting", graph: Self.graph("lasting"))
        try await a.send(to: b)
        #expect(try b.store.descriptions().count == 2)
        let later: @Sendable () -> Date = { Date().addingTimeInterval(120) }
        // A peer whose clock is past the expiry does not take it.
        let delta = try await a.repository.delta(for: Digest(), budget: 1 << 20)
        #expect(try await late.repository(now: later).accept(delta, from: a.id) == AcceptReport(accepted: 1, ignored: 1))
        // B purges it when the time comes; its digest still says it had it.
        let purged = try await b.repository(now: later).purgeExpired()
        #expect(purged.descriptions == [Self.graph("brief")])
        #expect(try b.store.descriptions().map(\.graph) == [Self.graph("lasting")])
        #expect(try await b.repository.digest() == a.repository.digest())
    }
}
