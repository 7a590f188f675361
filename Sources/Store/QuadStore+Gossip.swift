import Foundation
import GRDB

extension QuadStore {
    /// Publisher → highest version this store has seen: the gossip digest. It includes versions
    /// since replaced, purged or refused, so partners stop offering them.
    public func publisherVersions() throws -> [String: Int] {
        try database.read { db in
            var versions: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT publisher, version FROM publisher_versions") {
                versions[row["publisher"]] = row["version"]
            }
            return versions
        }
    }

    /// Raises a publisher's high-water mark without storing anything: for an envelope that was
    /// correctly signed but not wanted here (another publisher's graph, an untrusted publisher),
    /// so partners stop resending it.
    public func notePublisherVersion(_ publisher: String, version: Int) throws {
        try database.write { db in try HeldGraph.raiseHighWaterMark(publisher, to: version, in: db) }
    }

    /// The envelopes of `publisher` above `version` that this store holds, in version order.
    ///
    /// With `byteBudget`, the list stops before the envelope that would take the total past the
    /// budget (but holds at least one): a caller that sends within a budget never needs more.
    public func pendingEnvelopes(publisher: String, above version: Int, byteBudget: Int? = nil) throws -> [EnvelopeListing] {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT graph, version, issued, length(envelope) + byte_count AS size, 0 AS retraction
                FROM descriptions WHERE publisher = ? AND version > ? AND envelope IS NOT NULL
                UNION ALL
                SELECT graph, version, issued, length(envelope), 1 FROM tombstones WHERE publisher = ? AND version > ?
                ORDER BY version
                """, arguments: [publisher, version, publisher, version])
            var listings: [EnvelopeListing] = []
            var total = 0
            while let row = try rows.next() {
                let size: Int = row["size"]
                if let byteBudget, !listings.isEmpty, total + size > byteBudget { break }
                total += size
                listings.append(EnvelopeListing(graph: row["graph"], publisher: publisher, version: row["version"],
                                                issued: Self.date(row["issued"]) ?? Date(timeIntervalSince1970: 0),
                                                byteCount: size, isRetraction: row["retraction"] == 1))
            }
            return listings
        }
    }

    /// The verbatim envelopes (head and body) of `listings`, read in one transaction; nil for
    /// one that is no longer held in that version (replaced or purged since it was listed).
    public func envelopes(_ listings: [EnvelopeListing]) throws -> [[UInt8]?] {
        try database.read { db in
            try listings.map { listing in
                if listing.isRetraction {
                    return try Data.fetchOne(db, sql: "SELECT envelope FROM tombstones WHERE graph = ? AND publisher = ? AND version = ?",
                                             arguments: [listing.graph, listing.publisher, listing.version]).map { [UInt8]($0) }
                }
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT id, envelope FROM descriptions WHERE graph = ? AND publisher = ? AND version = ? AND envelope IS NOT NULL
                    """, arguments: [listing.graph, listing.publisher, listing.version]) else { return nil }
                var bytes = [UInt8](row["envelope"] as Data)
                let chunks = try Data.fetchCursor(db, sql: "SELECT bytes FROM description_chunks WHERE description = ? ORDER BY sequence",
                                                  arguments: [row["id"] as Int64])
                while let chunk = try chunks.next() { bytes += chunk }
                return bytes
            }
        }
    }
}
