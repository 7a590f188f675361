import Foundation
import Gossip
import Publishing
import Testing

/// The real engine, a handful of nodes, the in-memory transport.
@Suite("Gossip engine")
struct GossipEngineTests {
    @Test("a publication reaches every node")
    func publicationConverges() async throws {
        var network = SimulatedNetwork(size: 8, seed: 1)
        defer { network.shutDown() }
        await network.bootstrap(peersEach: 2)
        let origin = network.nodes[3]
        await origin.repository.publish(as: origin.record.id, graph: 1, issued: 1)
        let rounds = await roundsUntil(&network, limit: 20) { await everyLiveNode(of: $0, holds: 1, by: origin.record.id) }
        #expect(rounds != nil)
        // Every message was real bytes on the in-memory wire.
        #expect(network.transport.currentTraffic().envelopeBytes >= 7 * 512)
    }

    @Test("a replacement wins everywhere and the replaced version disappears")
    func replacementWins() async throws {
        var network = SimulatedNetwork(size: 6, seed: 2)
        defer { network.shutDown() }
        await network.bootstrap(peersEach: 2)
        let origin = network.nodes[0]
        await origin.repository.publish(as: origin.record.id, graph: 7, issued: 1)
        #expect(await roundsUntil(&network, limit: 20) { await everyLiveNode(of: $0, holds: 7, by: origin.record.id, version: 1) } != nil)
        await origin.repository.publish(as: origin.record.id, graph: 7, issued: 2)
        #expect(await roundsUntil(&network, limit: 20) { await everyLiveNode(of: $0, holds: 7, by: origin.record.id, version: 2) } != nil)
        for node in network.nodes {
            #expect(await node.repository.envelopeCount == 1)
        }
    }

    @Test("peers are learned transitively from a chain of seeds")
    func transitiveMembership() async throws {
        var network = SimulatedNetwork(size: 8, seed: 3)
        defer { network.shutDown() }
        // Node i knows only node i+1; the last knows nobody.
        for (node, next) in zip(network.nodes, network.nodes.dropFirst()) {
            await node.engine.addSeeds([next.record.address])
        }
        let everyone = Set(network.nodes.map(\.record.id))
        let rounds = await roundsUntil(&network, limit: 40) { network in
            for node in network.nodes {
                let known = Set(await node.engine.peers().compactMap(\.id))
                if known != everyone.subtracting([node.record.id]) { return false }
            }
            return true
        }
        #expect(rounds != nil, "every node knows every other one")
    }

    @Test("a peer that sends invalid envelopes is banned, refused and not contacted until the ban ends")
    func invalidEnvelopesBan() async throws {
        var configuration = GossipConfiguration()
        configuration.banRounds = 6
        var network = SimulatedNetwork(size: 3, configuration: configuration, seed: 4)
        defer { network.shutDown() }
        let (victim, good, evil) = (network.nodes[0], network.nodes[1], network.nodes[2])
        await victim.engine.addSeeds([good.record.address, evil.record.address])
        await good.engine.addSeeds([victim.record.address])

        let forged = (1...3).map { EnvelopeData(Array(repeating: UInt8($0), count: 80)) }
        let answer = try await network.transport.push(PushRequest(sender: evil.record, envelopes: forged), to: victim.record.address)
        #expect(answer.invalid.count == 3)
        let status = try #require(await victim.engine.peers().first { $0.address == evil.record.address })
        #expect(status.isBanned)
        #expect(status.invalidCount == 3)
        #expect(status.envelopesReceived == 3)
        let bannedUntil = try #require(status.bannedUntilRound)

        await #expect(throws: GossipRefusal.banned(address: evil.record.address, id: evil.record.id, untilRound: bannedUntil)) {
            _ = try await victim.engine.handleExchange(ExchangeRequest(sender: evil.record, digest: Digest(), peers: []))
        }
        // Over the wire the refusal is a failed exchange for the banned peer.
        await #expect(throws: InMemoryTransport.Failure.self) {
            _ = try await network.transport.exchange(ExchangeRequest(sender: evil.record, digest: Digest(), peers: []),
                                                     with: victim.record.address)
        }

        var partnersDuringBan: Set<String> = []
        while await victim.engine.round < bannedUntil {
            let reports = await network.runRound()
            partnersDuringBan.insert(reports[0].partner ?? "none")
        }
        #expect(partnersDuringBan == [good.record.address])

        var contactedAfterwards = false
        for _ in 0..<30 where !contactedAfterwards {
            contactedAfterwards = await network.runRound()[0].partner == evil.record.address
        }
        #expect(contactedAfterwards, "the ban ends")
    }

    @Test("a partner whose answer carries invalid envelopes is banned by the initiator and gets nothing back")
    func invalidAnswerBan() async throws {
        let transport = InMemoryTransport(seed: 1)
        defer { transport.removeAll() }
        var forged = PublisherLog()
        for version in UInt64(1)...3 {
            let envelope = SimulatedEnvelope(publisher: testID(50), version: version, graph: UInt32(version), issued: version, size: 100)
            var data = envelope.encoded()
            data.bytes[60] ^= 1
            forged.add(envelope, data: data)
        }
        let liar = GossipEngine(me: testRecord(1), repository: SimulatedRepository(catalogue: [testID(50): forged]),
                                transport: transport, random: 1)
        let victimRepository = SimulatedRepository()
        await victimRepository.publish(as: testID(2), graph: 1, issued: 1)
        let victim = GossipEngine(me: testRecord(2), repository: victimRepository, transport: transport, random: 2)
        transport.register(liar)
        transport.register(victim)
        await victim.addSeeds([liar.me.address])

        let report = await victim.runRound()
        #expect(report.pulled.invalid.count == 3)
        #expect(report.pushed == 0)
        #expect(await victim.isBanned(address: liar.me.address, id: liar.me.id))
        #expect(await victim.runRound().outcome == .idle)
        await victimRepository.endRound()
        #expect(await victimRepository.digest() == Digest([testID(2): 1]))
    }

    @Test("a partner that answers with garbage is suspected and, after repeated garbage, banned")
    func garbageAnswers() async throws {
        /// Answers every exchange with bytes that are not a gossip message, as a broken peer would.
        struct GarbageTransport: GossipTransport {
            func exchange(_ request: ExchangeRequest, with address: String) async throws -> ExchangeResponse {
                try GossipCodec.decodeExchangeResponse([0x47, 0x56, 1, 2, 0xFF])
            }
            func push(_ request: PushRequest, to address: String) async throws -> AcceptReport {
                try GossipCodec.decodeAcceptReport([0x00])
            }
        }
        var configuration = GossipConfiguration()
        configuration.deadAfterFailures = 10
        let engine = GossipEngine(me: testRecord(1), repository: SimulatedRepository(), transport: GarbageTransport(),
                                  configuration: configuration, random: 3)
        await engine.addSeeds(["sim://broken"])
        let first = await engine.runRound()
        guard case let .partnerFailed(reason) = first.outcome else {
            Issue.record("expected a failure, got \(first.outcome)")
            return
        }
        #expect(reason.contains("byte 4"))
        #expect(await engine.peers().first?.state == .suspect)
        _ = await engine.runRound()
        _ = await engine.runRound()
        #expect(await engine.peers().first?.isBanned == true)
        #expect(await engine.peers().first?.invalidCount == 3)
        #expect(await engine.runRound().outcome == .idle)
    }

    @Test("undecodable requests reported by the transport get their sender banned")
    func garbageBan() async {
        let network = SimulatedNetwork(size: 2, seed: 5)
        defer { network.shutDown() }
        let engine = network.nodes[0].engine
        for attempt in 1...3 {
            #expect(await engine.isBanned(address: nil, id: testID(77)) == false, "before strike \(attempt)")
            await engine.reportGarbage(from: nil, id: testID(77), reason: "byte 0: not a gossip message")
        }
        #expect(await engine.isBanned(address: "sim://wherever", id: testID(77)))
        // Garbage nobody can be named for changes nothing.
        await engine.reportGarbage(from: nil, id: nil, reason: "no sender")
        #expect(await engine.peers().isEmpty)
    }

    @Test("an unreachable partner becomes suspect, then dead, and the round reports it")
    func unreachablePartner() async throws {
        var network = SimulatedNetwork(size: 2, seed: 6)
        defer { network.shutDown() }
        let (node, other) = (network.nodes[0], network.nodes[1])
        await node.engine.addSeeds([other.record.address])
        network.transport.setDown(other.record.address)
        let first = await node.engine.runRound()
        #expect(first.outcome == .partnerFailed("exchange: \(other.record.address) is unreachable"))
        #expect(await node.engine.peers().first?.state == .suspect)
        _ = await node.engine.runRound()
        _ = await node.engine.runRound()
        #expect(await node.engine.peers().first?.state == .dead)
        #expect(await node.engine.runRound().outcome == .idle, "backing off")
        network.transport.setDown(other.record.address, false)
        var report = RoundReport(round: 0, partner: nil, outcome: .idle)
        while report.outcome == .idle { report = await node.engine.runRound() }
        #expect(report.outcome == .exchanged)
        #expect(await node.engine.peers().first?.state == .alive)
    }

    @Test("an exchange carries at most the round budget, oldest first; the rest follows in later rounds")
    func budget() async throws {
        var configuration = GossipConfiguration()
        configuration.roundBudgetBytes = 3 * 200
        var network = SimulatedNetwork(size: 2, configuration: configuration, seed: 7)
        defer { network.shutDown() }
        let (source, sink) = (network.nodes[0], network.nodes[1])
        await source.engine.addSeeds([sink.record.address])
        await sink.engine.addSeeds([source.record.address])
        for graph in UInt32(0)..<10 {
            await source.repository.publish(as: source.record.id, graph: graph, issued: UInt64(graph), size: 200)
        }
        await network.runRound()
        var held: [UInt32] = []
        for graph in UInt32(0)..<10 where await sink.repository.liveVersion(of: graph, by: source.record.id) != nil {
            held.append(graph)
        }
        #expect(held == [0, 1, 2])
        #expect(await roundsUntil(&network, limit: 5) { await everyLiveNode(of: $0, holds: 9, by: source.record.id) } == 3)
    }

    @Test("requests that claim to come from the node itself are refused")
    func selfRequests() async {
        let network = SimulatedNetwork(size: 1, seed: 8)
        defer { network.shutDown() }
        let node = network.nodes[0]
        await #expect(throws: GossipRefusal.fromMyself) {
            _ = try await node.engine.handlePush(PushRequest(sender: node.record, envelopes: []))
        }
        #expect(await node.engine.runRound().outcome == .idle)
    }
}
