/// One seed of a convergence run: the protocol and the ideal model on the same network.
public struct ConvergenceRun: Sendable, Equatable {
    public var seed: UInt64
    /// Rounds from the publication until every live node held it (`maxRounds` if it never did).
    public var protocolRounds: Int
    public var protocolConverged: Bool
    public var idealRounds: Int
    public var idealConverged: Bool
    /// Everything the live nodes sent, per node and round, from the publication to convergence.
    public var bytesPerNodePerRound: Double
    /// The digest part of it.
    public var digestBytesPerNodePerRound: Double
}
