/// Gossip traffic on a network where everything is already in sync.
public struct SteadyTraffic: Sendable, Equatable {
    public var descriptionsInSync: Int
    public var publishers: Int
    public var rounds: Int
    public var bytesPerNodePerRound: Double
    public var digestBytesPerNodePerRound: Double
    /// Should be zero: nothing is missing anywhere.
    public var envelopeBytesPerNodePerRound: Double
}
