import Foundation
import GRDB
import Publishing

/// The subscriber's `received_hints` table: one row per hub and URL (Store migration v4).
///
/// Times are stored as `HintTime` text (UTC, whole seconds), which sorts and compares as the
/// instants do. A location the block left blank is stored as the empty string (the column is
/// NOT NULL; a blank node's label means nothing outside its block).
enum ReceivedHintsTable {
    /// Stores `hints` of `hub`. A URL already known keeps the later expiry: a mail that arrives
    /// late cannot shorten what a newer mail said; a row that would not change is not touched,
    /// so importing a mail twice changes nothing.
    static func upsert(_ hints: [Hint], hub: PeerID, received: Date, messageID: String?, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO received_hints(hub, resource, title, location, url, valid_until, received, message_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(hub, url) DO UPDATE SET
                resource = excluded.resource, title = excluded.title, location = excluded.location,
                valid_until = excluded.valid_until, received = excluded.received, message_id = excluded.message_id
            WHERE excluded.valid_until > received_hints.valid_until
               OR (excluded.valid_until = received_hints.valid_until
                   AND (excluded.title <> received_hints.title OR excluded.resource <> received_hints.resource
                        OR excluded.location <> received_hints.location))
            """)
        for hint in hints {
            try statement.execute(arguments: [hub.description, hint.resource, hint.title, hint.location ?? "", hint.url,
                                              HintTime.format(hint.validUntil), HintTime.format(received), messageID])
        }
    }

    /// Forgets `hub`'s hints that expired by `now`: nothing outdated (or incriminating) is kept.
    static func prune(hub: PeerID, now: Date, in db: Database) throws {
        try db.execute(sql: "DELETE FROM received_hints WHERE hub = ? AND valid_until <= ?",
                       arguments: [hub.description, HintTime.format(now)])
    }

    /// The hints (of `hub`, or of every hub) still valid at `now`.
    static func current(hub: PeerID?, now: Date, in db: Database) throws -> [ReceivedHint] {
        var sql = "SELECT hub, resource, title, location, url, valid_until, received, message_id FROM received_hints WHERE valid_until > ?"
        var arguments: StatementArguments = [HintTime.format(now)]
        if let hub {
            sql += " AND hub = ?"
            arguments += [hub.description]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY valid_until, url", arguments: arguments).map { row in
            let hubText: String = row["hub"], location: String = row["location"]
            let until: String = row["valid_until"], received: String = row["received"]
            guard let hub = PeerID(hubText), let validUntil = HintTime.parse(until), let receivedAt = HintTime.parse(received) else {
                throw HintRefusal(source: "received_hints", reason: "a row of hub '\(hubText)' is not readable (valid_until '\(until)')")
            }
            let hint = Hint(resource: row["resource"], title: row["title"], url: row["url"],
                            location: location.isEmpty ? nil : location, validUntil: validUntil)
            return ReceivedHint(hub: hub, hint: hint, received: receivedAt, messageID: row["message_id"])
        }
    }
}
