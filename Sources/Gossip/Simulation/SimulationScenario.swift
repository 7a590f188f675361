import Foundation

/// What a simulation run sets up: network size, failures, how nodes join, what is gossiped.
public struct SimulationScenario: Sendable {
    public var nodes: Int
    /// Fraction of nodes that are dead from the start (never run, never answer).
    public var deadFraction: Double
    /// Probability that any one message is lost.
    public var loss: Double
    /// Random nodes (dead ones included) each live node is given as seeds.
    public var bootstrapPeers = 3
    /// Rounds run before the publication, for membership to spread through peer samples the way
    /// it does on a network that has been running for a while.
    public var warmUpRounds = 10
    /// Size of a synthetic envelope on the wire.
    public var envelopeBytes = 512
    /// A run that has not converged after this many rounds is reported as not converged.
    public var maxRounds = 100
    /// How many publishers hold the descriptions of a steady-state run.
    public var publishersInSync = 10
    /// Rounds measured in a steady-state run.
    public var steadyRounds = 5
    public var configuration = GossipConfiguration()

    public init(nodes: Int, deadFraction: Double = 0, loss: Double = 0) {
        self.nodes = nodes
        self.deadFraction = deadFraction
        self.loss = loss
    }

    /// log₂N + ln N: the rounds push-only gossip needs; push-pull must never be slower.
    public var pushOnlyBound: Double {
        let n = Double(max(nodes, 2))
        return log2(n) + log(n)
    }
}
