/// The yardstick: idealised random push-pull on a fully known network.
///
/// Every live node exchanges with one partner drawn uniformly from all other nodes (dead ones
/// included, which wastes the exchange, as a node that has never heard of the failure would).
/// Each of the three messages is lost independently: a lost request means no exchange, a lost
/// answer means neither pull nor push (the push needs the partner's digest), a lost push means no
/// push. Rounds are synchronous: what a node learns in a round it passes on from the next one.
public enum IdealPushPull {
    /// Rounds until every live node is informed, or nil after `maxRounds`.
    public static func rounds(nodes: Int, dead: Set<Int>, origin: Int, loss: Double, maxRounds: Int, seed: UInt64) -> Int? {
        guard nodes > 1 else { return 0 }
        var random = SeededRandom(seed: seed)
        let live = (0..<nodes).filter { !dead.contains($0) }
        var informed = [Bool](repeating: false, count: nodes)
        informed[origin] = true
        var informedLive = 1
        var round = 0
        func delivered() -> Bool { loss <= 0 || Double.random(in: 0..<1, using: &random) >= loss }
        while informedLive < live.count {
            guard round < maxRounds else { return nil }
            round += 1
            var next = informed
            for node in live {
                var partner = Int.random(in: 0..<(nodes - 1), using: &random)
                if partner >= node { partner += 1 }
                guard !dead.contains(partner), delivered(), delivered() else { continue }
                if informed[partner] { next[node] = true }
                if delivered() && informed[node] { next[partner] = true }
            }
            informed = next
            informedLive = live.reduce(0) { $0 + (informed[$1] ? 1 : 0) }
        }
        return round
    }
}
