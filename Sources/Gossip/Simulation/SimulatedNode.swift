/// One peer of a simulated network: the real engine over a simulated repository.
public struct SimulatedNode: Sendable {
    public let index: Int
    public let record: PeerRecord
    public let engine: GossipEngine
    public let repository: SimulatedRepository
    /// Dead nodes never run a round and are unreachable from the start.
    public let isAlive: Bool
}
