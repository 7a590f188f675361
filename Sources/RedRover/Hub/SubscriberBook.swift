import Foundation
import GRDB
import Mail
import Store

/// The hub's subscribers: adding, confirming, ending and listing subscriptions.
///
/// An operator's `subscribe` makes an active subscriber at once; a request by mail makes a
/// pending one that only its confirmation (the token, mailed back) activates. Unsubscribing keeps
/// the row and its exposure log, so a leak can still be traced to someone who has left.
public struct SubscriberBook: Sendable {
    public let store: QuadStore

    /// More hints than this in one mail stop being a short list.
    public static let maximumLimit = 100

    public init(store: QuadStore) {
        self.store = store
    }

    /// Subscribes `address`, or changes an existing subscriber's interest, cadence and limit (and
    /// reactivates one who had left). Returns the subscriber and whether it is new.
    @discardableResult
    public func subscribe(_ address: String, interest: Interest, cadence: Cadence = .daily, limit: Int = 10,
                          now: Date = Date()) throws -> (subscriber: Subscriber, created: Bool) {
        let address = try Self.checkedAddress(address)
        try Self.check(limit: limit)
        return try store.writeSQL { db in
            let existing = try Self.find(address: address, in: db)
            if let existing {
                try db.execute(sql: """
                    UPDATE subscribers SET interest = ?, interest_kind = ?, every_seconds = ?, max_hints = ?, status = 'active'
                    WHERE id = ?
                    """, arguments: [interest.text, interest.kind.rawValue, cadence.seconds, limit, existing.id])
            } else {
                try Self.insert(address: address, interest: interest, cadence: cadence, limit: limit, status: .active, now: now, in: db)
            }
            return (try Self.find(address: address, in: db)!, existing == nil)
        }
    }

    /// Ends `address`'s subscription; digests still queued for them are not sent.
    @discardableResult
    public func unsubscribe(_ address: String) throws -> Subscriber {
        try store.writeSQL { db in
            guard let subscriber = try Self.find(address: address, in: db) else { throw HubError.noSuchSubscriber(address) }
            return try Self.end(subscriber, in: db)
        }
    }

    /// The subscriber with this address (compared without regard to case), if any.
    public func subscriber(_ address: String) throws -> Subscriber? {
        try store.readSQL { db in try Self.find(address: address, in: db) }
    }

    /// Every subscriber, by address, with how many hints each has been told.
    public func list() throws -> [SubscriberListing] {
        try store.readSQL { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, (SELECT count(*) FROM exposures e WHERE e.subscriber = s.id) AS exposed
                FROM subscribers s ORDER BY s.address
                """).map { SubscriberListing(subscriber: Self.subscriber($0), hintsExposed: $0["exposed"]) }
        }
    }

    // MARK: Inside a transaction (shared with the mail requests and the digest run)

    /// Refuses a limit outside 1…`maximumLimit` hints per mail.
    public static func check(limit: Int) throws(HubError) {
        guard (1...maximumLimit).contains(limit) else {
            throw .invalidSetting("the limit must be between 1 and \(maximumLimit) hints per mail, not \(limit)")
        }
    }

    /// `address` if it can receive mail (a plain ASCII `local@domain`), else `.invalidAddress`.
    static func checkedAddress(_ address: String) throws(HubError) -> String {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        do {
            return try MailAddress(trimmed).address
        } catch let error as MailError {
            throw .invalidAddress(address, reason: error.reason)
        } catch {
            throw .invalidAddress(address, reason: "\(error)")
        }
    }

    static func find(address: String, in db: Database) throws -> Subscriber? {
        try Row.fetchOne(db, sql: "SELECT * FROM subscribers WHERE address = ?", arguments: [address]).map(subscriber)
    }

    static func find(token: String, in db: Database) throws -> Subscriber? {
        try Row.fetchOne(db, sql: "SELECT * FROM subscribers WHERE token = ?", arguments: [token]).map(subscriber)
    }

    static func find(id: Int64, in db: Database) throws -> Subscriber? {
        // Cached: a digest run checks every subscriber it serves.
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM subscribers WHERE id = ?"), arguments: [id]).map(subscriber)
    }

    static func insert(address: String, interest: Interest, cadence: Cadence, limit: Int, status: Subscriber.Status,
                       now: Date, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO subscribers(address, interest, interest_kind, every_seconds, max_hints, status, token, created)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [address, interest.text, interest.kind.rawValue, cadence.seconds, limit, status.rawValue,
                             newToken(), HubTime.format(now)])
    }

    /// A pending subscription for a request by mail, with a fresh token. Nil when `address` is
    /// already active: a forged request must not be able to suspend a real subscriber.
    static func request(address: String, interest: Interest, cadence: Cadence, limit: Int, now: Date,
                        in db: Database) throws -> Subscriber? {
        if let existing = try find(address: address, in: db) {
            guard existing.status != .active else { return nil }
            try db.execute(sql: """
                UPDATE subscribers SET interest = ?, interest_kind = ?, every_seconds = ?, max_hints = ?,
                       status = 'pending', token = ?
                WHERE id = ?
                """, arguments: [interest.text, interest.kind.rawValue, cadence.seconds, limit, newToken(), existing.id])
        } else {
            try insert(address: address, interest: interest, cadence: cadence, limit: limit, status: .pending, now: now, in: db)
        }
        return try find(address: address, in: db)
    }

    static func activate(_ subscriber: Subscriber, in db: Database) throws {
        try db.execute(sql: "UPDATE subscribers SET status = 'active' WHERE id = ?", arguments: [subscriber.id])
    }

    /// Marks them unsubscribed and withdraws their queued mail (kept, as failed, for the record).
    static func end(_ subscriber: Subscriber, in db: Database) throws -> Subscriber {
        try db.execute(sql: "UPDATE subscribers SET status = 'unsubscribed' WHERE id = ?", arguments: [subscriber.id])
        try db.execute(sql: """
            UPDATE outbox SET state = 'failed', last_error = 'withdrawn: the subscriber unsubscribed before delivery'
            WHERE subscriber = ? AND state = 'queued'
            """, arguments: [subscriber.id])
        return try find(id: subscriber.id, in: db)!
    }

    static func subscriber(_ row: Row) -> Subscriber {
        Subscriber(
            id: row["id"], address: row["address"],
            interest: Interest(stored: row["interest"], kind: Interest.Kind(rawValue: row["interest_kind"]) ?? .keywords),
            cadence: (try? Cadence(seconds: row["every_seconds"])) ?? .daily,
            limit: row["max_hints"], status: Subscriber.Status(rawValue: row["status"]) ?? .pending,
            token: row["token"], created: HubTime.parse(row["created"]) ?? Date(timeIntervalSince1970: 0),
            lastSent: (row["last_sent"] as String?).flatMap(HubTime.parse))
    }

    /// 128 random bits in hex: unguessable, and safe in a mail subject and a mailto: URL.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
