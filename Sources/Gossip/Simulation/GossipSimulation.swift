import Publishing

/// Runs the real protocol over the in-memory transport and measures it against the ideal model.
///
/// A convergence run: N nodes, a fraction dead from the start, each live node seeded with a few
/// random nodes (`bootstrapPeers`, dead ones included). Warm-up rounds with nothing to gossip let
/// membership spread through the protocol's own peer samples and let failure detection find the
/// dead, as on a network that has been up for a while. Then one node publishes one description,
/// and rounds run until every live node holds it. The ideal model runs on the same dead set and
/// origin (both derived from the seed), so each seed compares like with like.
public enum GossipSimulation {
    public static func convergence(_ scenario: SimulationScenario, seeds: [UInt64],
                                   progress: (@Sendable (ConvergenceRun) -> Void)? = nil) async -> ConvergenceSummary {
        var runs: [ConvergenceRun] = []
        for seed in seeds {
            let run = await convergence(scenario, seed: seed)
            progress?(run)
            runs.append(run)
        }
        return ConvergenceSummary(scenario: scenario, runs: runs)
    }

    public static func convergence(_ scenario: SimulationScenario, seed: UInt64) async -> ConvergenceRun {
        let (dead, origin) = layout(scenario, seed: seed)
        var network = SimulatedNetwork(size: scenario.nodes, dead: dead, loss: scenario.loss,
                                       configuration: scenario.configuration, seed: seed &+ 0x5EED)
        defer { network.shutDown() }
        await network.bootstrap(peersEach: scenario.bootstrapPeers)
        for _ in 0..<scenario.warmUpRounds { await network.runRound() }
        network.transport.resetTraffic()

        let publisher = network.nodes[origin]
        let graph: UInt32 = 1
        await publisher.repository.publish(as: publisher.record.id, graph: graph, issued: 1, size: scenario.envelopeBytes)
        var missing = network.liveNodes.filter { $0.index != origin }
        var rounds = 0
        while !missing.isEmpty && rounds < scenario.maxRounds {
            await network.runRound()
            rounds += 1
            var stillMissing: [SimulatedNode] = []
            for node in missing where await node.repository.liveVersion(of: graph, by: publisher.record.id) == nil {
                stillMissing.append(node)
            }
            missing = stillMissing
        }

        let traffic = network.transport.currentTraffic()
        let nodeRounds = Double(max(network.liveNodes.count * rounds, 1))
        let ideal = IdealPushPull.rounds(nodes: scenario.nodes, dead: dead, origin: origin, loss: scenario.loss,
                                         maxRounds: scenario.maxRounds, seed: seed &+ 0x1DEA)
        return ConvergenceRun(seed: seed, protocolRounds: rounds, protocolConverged: missing.isEmpty,
                              idealRounds: ideal ?? scenario.maxRounds, idealConverged: ideal != nil,
                              bytesPerNodePerRound: Double(traffic.bytes) / nodeRounds,
                              digestBytesPerNodePerRound: Double(traffic.digestBytes) / nodeRounds)
    }

    /// Traffic per round when `descriptions` (spread over `publishersInSync` publishers) are
    /// already held by every node: what anti-entropy costs when there is nothing to do.
    public static func steadyTraffic(_ scenario: SimulationScenario, descriptionsInSync descriptions: Int,
                                     seed: UInt64) async -> SteadyTraffic {
        let (dead, _) = layout(scenario, seed: seed)
        let publishers = max(scenario.publishersInSync, 1)
        var network = SimulatedNetwork(size: scenario.nodes, dead: dead, loss: scenario.loss,
                                       configuration: scenario.configuration,
                                       catalogue: catalogue(descriptions: descriptions, publishers: publishers,
                                                            envelopeBytes: scenario.envelopeBytes, seed: seed),
                                       seed: seed &+ 0x5EED)
        defer { network.shutDown() }
        await network.bootstrap(peersEach: scenario.bootstrapPeers)
        for _ in 0..<scenario.warmUpRounds { await network.runRound() }
        network.transport.resetTraffic()
        for _ in 0..<scenario.steadyRounds { await network.runRound() }
        let traffic = network.transport.currentTraffic()
        let nodeRounds = Double(max(network.liveNodes.count * scenario.steadyRounds, 1))
        return SteadyTraffic(descriptionsInSync: descriptions, publishers: publishers, rounds: scenario.steadyRounds,
                             bytesPerNodePerRound: Double(traffic.bytes) / nodeRounds,
                             digestBytesPerNodePerRound: Double(traffic.digestBytes) / nodeRounds,
                             envelopeBytesPerNodePerRound: Double(traffic.envelopeBytes) / nodeRounds)
    }

    /// `descriptions` envelopes round-robin over `publishers`, one graph each, issued in order:
    /// built once and shared by every repository (copy-on-write), so a large catalogue on a large
    /// network costs its size once, not once per node.
    public static func catalogue(descriptions: Int, publishers: Int, envelopeBytes: Int, seed: UInt64) -> [PeerID: PublisherLog] {
        var random = SeededRandom(seed: seed &+ 0xCA7A)
        let ids = (0..<max(publishers, 1)).map { _ in
            PeerID(publicKey: (0..<4).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } })
        }.compactMap { $0 }
        var logs: [PeerID: PublisherLog] = [:]
        for index in 0..<descriptions {
            let publisher = ids[index % ids.count]
            let version = (logs[publisher]?.highest ?? 0) + 1
            let envelope = SimulatedEnvelope(publisher: publisher, version: version, graph: UInt32(index),
                                             issued: UInt64(index), size: envelopeBytes)
            logs[publisher, default: PublisherLog()].add(envelope, data: envelope.encoded())
        }
        return logs
    }

    /// Which nodes are dead and which live node publishes, from the seed alone.
    public static func layout(_ scenario: SimulationScenario, seed: UInt64) -> (dead: Set<Int>, origin: Int) {
        var random = SeededRandom(seed: seed)
        let deadCount = min(Int((Double(scenario.nodes) * scenario.deadFraction).rounded()), scenario.nodes - 1)
        let shuffled = Array(0..<scenario.nodes).shuffled(using: &random)
        let dead = Set(shuffled.prefix(deadCount))
        return (dead, shuffled[deadCount])
    }
}
