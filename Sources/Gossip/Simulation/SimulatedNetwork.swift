import Publishing

/// N engines over one in-memory transport, run in synchronous rounds.
///
/// In a round every live node runs `runRound()` once, one after another in a fresh random order
/// (so runs repeat exactly from the seed), and only then do the repositories make what they
/// received visible: each node acts on the state it had when the round began.
public struct SimulatedNetwork: Sendable {
    public let nodes: [SimulatedNode]
    public let transport: InMemoryTransport
    public private(set) var rounds = 0
    private var random: SeededRandom

    public init(size: Int, dead: Set<Int> = [], loss: Double = 0, configuration: GossipConfiguration = GossipConfiguration(),
                catalogue: [PeerID: PublisherLog] = [:], seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let transport = InMemoryTransport(lossProbability: loss, seed: random.next(), limits: configuration.limits)
        nodes = (0..<size).map { index in
            let record = PeerRecord(id: Self.randomID(&random), address: "sim://node-\(index)")
            let repository = SimulatedRepository(catalogue: catalogue)
            let engine = GossipEngine(me: record, repository: repository, transport: transport,
                                      configuration: configuration, random: random.next())
            if !dead.contains(index) { transport.register(engine) }
            return SimulatedNode(index: index, record: record, engine: engine, repository: repository,
                                 isAlive: !dead.contains(index))
        }
        self.transport = transport
        self.random = random
    }

    public var liveNodes: [SimulatedNode] { nodes.filter(\.isAlive) }

    /// Gives each live node `count` other nodes, chosen at random among all (dead ones too), as
    /// the seeds an operator would configure; at least one of them is alive, because a node whose
    /// seeds are all dead cannot join any network, whatever the protocol. Everything else it
    /// learns through gossip.
    public mutating func bootstrap(peersEach count: Int) async {
        let live = liveNodes
        guard nodes.count > 1, live.count > 1, count > 0 else { return }
        for node in live {
            var seeds: Set<Int> = []
            while seeds.count < min(count, nodes.count - 1) {
                let other = Int.random(in: 0..<nodes.count, using: &random)
                if other != node.index { seeds.insert(other) }
            }
            if !seeds.contains(where: { nodes[$0].isAlive }) {
                var other = node.index
                while other == node.index { other = live[Int.random(in: 0..<live.count, using: &random)].index }
                // The smallest, not `first`: a set's order changes from process to process, and a
                // run must repeat exactly from its seed.
                if let replaced = seeds.min() { seeds.remove(replaced) }
                seeds.insert(other)
            }
            await node.engine.addSeeds(seeds.sorted().map { nodes[$0].record.address })
        }
    }

    /// One synchronous round; returns each live node's report, in node order.
    @discardableResult
    public mutating func runRound() async -> [RoundReport] {
        rounds += 1
        let live = liveNodes
        var reports = [RoundReport?](repeating: nil, count: nodes.count)
        for node in live.shuffled(using: &random) {
            reports[node.index] = await node.engine.runRound()
        }
        for node in live {
            await node.repository.endRound()
        }
        return reports.compactMap { $0 }
    }

    /// Breaks the engine ↔ transport reference cycle so the network's memory is freed.
    public func shutDown() {
        transport.removeAll()
    }

    private static func randomID(_ random: inout SeededRandom) -> PeerID {
        let key = (0..<4).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } }
        guard let id = PeerID(publicKey: key) else { preconditionFailure("32 bytes always make a peer id") }
        return id
    }
}
