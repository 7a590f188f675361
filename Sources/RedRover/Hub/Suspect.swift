/// A subscriber as leak tracing ranks them.
public struct Suspect: Sendable, Hashable {
    public let address: String
    public let status: Subscriber.Status
    /// Σ over the blocked locations they were told of 1 / (subscribers told that location): a
    /// location few people knew points harder at each of them.
    public let score: Double
    /// How many of the blocked locations they were told.
    public let blockedKnown: Int
    /// How many locations they were told in all (fewer breaks a tie: the same blocks explained
    /// by less knowledge is the stronger sign).
    public let exposures: Int
}
