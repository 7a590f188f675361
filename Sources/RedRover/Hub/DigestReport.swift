/// What one digest run did (or, in a dry run, would do).
public struct DigestReport: Sendable {
    /// One subscriber's mail.
    public struct Digest: Sendable {
        public let address: String
        public let messageID: String
        public let hints: [Hint]
    }

    /// Active subscribers whose cadence window had no digest yet.
    public var due = 0
    /// Queued (planned, in a dry run), in the order made.
    public var digests: [Digest] = []
    /// Due, but nothing new matched their interest under the scattering limit.
    public var nothingNew = 0
    /// A subscriber whose interest could not be evaluated (a query past its time limit, say):
    /// the rest of the run goes on.
    public var problems: [(address: String, reason: String)] = []

    public init() {}
}
