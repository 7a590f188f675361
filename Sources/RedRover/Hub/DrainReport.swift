/// What one pass over the outbox did.
public struct DrainReport: Sendable, Hashable {
    /// One message that did not go out, and why.
    public struct Problem: Sendable, Hashable {
        public let id: Int64
        public let recipient: String
        public let reason: String
    }

    public var sent = 0
    /// Temporary failures: they stay queued and are retried after a back-off.
    public var deferred: [Problem] = []
    /// Permanent failures: they are not retried.
    public var failed: [Problem] = []
    /// Left alone after the server kept failing: still queued, attempts unchanged.
    public var notTried = 0

    public init() {}
}
