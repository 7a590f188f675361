import Foundation
import GRDB
import Mail
import Store

/// The persistent queue every hub mail goes through, in the store's database.
///
/// A digest is queued in the same transaction as the exposures it reveals, so the log never
/// records a hint that is not on its way, nor is a hint mailed without being logged. Draining
/// hands each due message to a ``MailDelivery``: delivered → sent; a temporary failure → retried
/// after ``RetryBackOff``; a permanent one → failed, with the server's reason. A message is marked
/// sent right after the server takes it, so a rerun never sends it again (a crash between the two
/// steps is the one way a message can go twice: mail is at-least-once, never at-most-once).
public struct Outbox: Sendable {
    public let store: QuadStore
    /// After this many temporary failures in a row the server is taken to be down, and the rest
    /// of the queue waits for the next run instead of each message timing out in turn.
    public var consecutiveFailuresBeforeStopping = 5

    public init(store: QuadStore) {
        self.store = store
    }

    /// Messages in these states, oldest first (without their bytes).
    public func entries(_ states: Set<OutboxEntry.State> = [.queued, .failed]) throws -> [OutboxEntry] {
        guard !states.isEmpty else { return [] }
        let list = states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        return try store.readSQL { db in
            try Row.fetchAll(db, sql: "SELECT \(OutboxEntry.columns) FROM outbox WHERE state IN (\(list)) ORDER BY id").map(OutboxEntry.init)
        }
    }

    /// Queued messages a drain at `now` would try.
    public func due(now: Date, ignoringBackOff: Bool = false) throws -> [OutboxEntry] {
        try store.readSQL { db in
            try Row.fetchAll(db, sql: """
                SELECT \(OutboxEntry.columns) FROM outbox WHERE state = 'queued' AND (? OR next_attempt <= ?) ORDER BY id
                """, arguments: [ignoringBackOff, HubTime.format(now)]).map(OutboxEntry.init)
        }
    }

    /// The rendered bytes of one message.
    public func bytes(of id: Int64) throws -> Data? {
        try store.readSQL { db in try Data.fetchOne(db, sql: "SELECT bytes FROM outbox WHERE id = ?", arguments: [id]) }
    }

    /// Delivers every due message, one at a time, in the order queued.
    public func drain(through delivery: any MailDelivery, now: Date = Date(), ignoringBackOff: Bool = false) async throws -> DrainReport {
        var report = DrainReport()
        var failuresInARow = 0
        for entry in try due(now: now, ignoringBackOff: ignoringBackOff) {
            if failuresInARow >= consecutiveFailuresBeforeStopping {
                report.notTried += 1
                continue
            }
            guard let bytes = try bytes(of: entry.id) else { continue }
            let result: DeliveryResult
            do {
                let envelope = MailEnvelope(sender: try MailAddress(entry.sender), recipients: [try MailAddress(entry.recipient)])
                result = await delivery.deliver(bytes, envelope: envelope)
            } catch {
                result = .permanentFailure("\(error)")
            }
            try record(result, for: entry, now: now)
            switch result {
            case .delivered:
                report.sent += 1
                failuresInARow = 0
            case .temporaryFailure(let reason):
                report.deferred.append(.init(id: entry.id, recipient: entry.recipient, reason: reason))
                failuresInARow += 1
            case .permanentFailure(let reason):
                report.failed.append(.init(id: entry.id, recipient: entry.recipient, reason: reason))
                failuresInARow = 0
            }
        }
        return report
    }

    private func record(_ result: DeliveryResult, for entry: OutboxEntry, now: Date) throws {
        let attempts = entry.attempts + 1
        try store.writeSQL { db in
            switch result {
            case .delivered:
                try db.execute(sql: """
                    UPDATE outbox SET state = 'sent', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?
                    """, arguments: [attempts, HubTime.format(now), entry.id])
            case .temporaryFailure(let reason):
                let next = now.addingTimeInterval(RetryBackOff.delay(afterAttempts: attempts))
                try db.execute(sql: "UPDATE outbox SET attempts = ?, next_attempt = ?, last_error = ? WHERE id = ?",
                               arguments: [attempts, HubTime.format(next), reason, entry.id])
            case .permanentFailure(let reason):
                try db.execute(sql: "UPDATE outbox SET state = 'failed', attempts = ?, last_error = ? WHERE id = ?",
                               arguments: [attempts, reason, entry.id])
            }
        }
    }

    /// Queues `message` (its `rendered` bytes, when already made) for `subscriber`'s `period`;
    /// false (and nothing written) when that period already has its message.
    static func enqueue(_ message: MailMessage, rendered: Data? = nil, subscriber: Int64?, period: String, now: Date,
                        in db: Database) throws -> Bool {
        let bytes = try rendered ?? message.rendered()
        let time = HubTime.format(now)
        try db.cachedStatement(sql: """
            INSERT INTO outbox(subscriber, period, message_id, sender, recipient, bytes, state, next_attempt, created)
            VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)
            ON CONFLICT(subscriber, period) DO NOTHING
            """).execute(arguments: [subscriber, period, message.messageID, message.envelope.sender.address,
                                     message.to.first?.address ?? "", bytes, time, time])
        return db.changesCount > 0
    }
}
