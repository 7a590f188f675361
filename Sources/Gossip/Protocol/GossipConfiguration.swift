/// The protocol's knobs. Back-offs and bans are counted in rounds, not seconds, so the same
/// settings mean the same thing at any gossip interval and a simulation is deterministic.
public struct GossipConfiguration: Sendable, Equatable {
    /// Envelope bytes one answer or one push may carry (at least one envelope always moves).
    public var roundBudgetBytes = 4 << 20
    /// Peers named in each message, the way membership spreads.
    public var peerSampleSize = 8
    /// Known peers kept at most; beyond it new peers replace dead (or else random) ones, so
    /// memory stays flat however large the network grows.
    public var maxKnownPeers = 256
    /// Consecutive failed contacts that make a peer suspect (it is still contacted).
    public var suspectAfterFailures = 1
    /// Consecutive failed contacts that make a peer dead (it is then only retried after a back-off).
    public var deadAfterFailures = 3
    /// Rounds before the first retry of a dead peer; each failed retry doubles it.
    public var deadBackoffBaseRounds = 4
    /// The longest back-off between retries of a dead peer.
    public var deadBackoffCapRounds = 128
    /// Failed retries after which a dead peer is forgotten (seeds never are).
    public var forgetDeadAfterRetries = 6
    /// Strikes (invalid envelopes, undecodable messages) that get a peer banned. Strikes are
    /// forgiven after `banRounds` quiet rounds, so rare mishaps never add up to a ban.
    public var invalidLimit = 3
    /// Rounds a first ban lasts; each further ban of the same peer doubles it, up to 8×.
    public var banRounds = 64
    /// What this peer's own messages must stay within: answers and pushes are cut to
    /// `limits.maxEnvelopes` and samples to `limits.maxPeers`, so a partner using the same limits
    /// never mistakes an honest message for garbage.
    public var limits = GossipLimits()

    public init() {}
}
