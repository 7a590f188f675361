import Foundation
import GRDB

/// One message in the hub's outbox: the rendered bytes, who they go to, and how delivery went.
public struct OutboxEntry: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable {
        /// Waiting for its first attempt or a retry.
        case queued
        case sent
        /// Refused for good (a 5xx), or withdrawn when its subscriber left; `lastError` says which.
        case failed
    }

    public let id: Int64
    /// Nil for mail not tied to a subscriber.
    public let subscriber: Int64?
    /// The cadence window (or `confirm TOKEN`) the message belongs to: one per subscriber and period.
    public let period: String
    public let messageID: String
    public let sender: String
    public let recipient: String
    public let state: State
    public let attempts: Int
    public let nextAttempt: Date
    public let lastError: String?
    public let created: Date
    public let sentAt: Date?
    public let byteCount: Int

    init(_ row: Row) {
        id = row["id"]
        subscriber = row["subscriber"]
        period = row["period"]
        messageID = row["message_id"]
        sender = row["sender"]
        recipient = row["recipient"]
        state = State(rawValue: row["state"]) ?? .queued
        attempts = row["attempts"]
        nextAttempt = HubTime.parse(row["next_attempt"]) ?? Date(timeIntervalSince1970: 0)
        lastError = row["last_error"]
        created = HubTime.parse(row["created"]) ?? Date(timeIntervalSince1970: 0)
        sentAt = (row["sent_at"] as String?).flatMap(HubTime.parse)
        byteCount = row["byte_count"] ?? 0
    }

    /// The columns `init(_:)` reads, without the message bytes.
    static let columns = """
        id, subscriber, period, message_id, sender, recipient, state, attempts, next_attempt, last_error,
        created, sent_at, length(bytes) AS byte_count
        """
}
