import Foundation

/// Someone the hub mails hints to, as the subscribers table holds them.
public struct Subscriber: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        /// Asked by mail, not yet confirmed: nothing is sent but the confirmation.
        case pending
        case active
        /// Kept (with the exposure log) so that leak tracing still sees what they were told.
        case unsubscribed
    }

    public let id: Int64
    public let address: String
    public let interest: Interest
    public let cadence: Cadence
    /// At most this many hints per mail.
    public let limit: Int
    public let status: Status
    /// The secret that confirms a mailed subscription and unsubscribes (List-Unsubscribe).
    public let token: String
    public let created: Date
    /// When the last digest was queued for them.
    public let lastSent: Date?
}
