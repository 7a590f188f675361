import Foundation
import GRDB
import RDF
import Store

/// Who was told which location, which locations were blocked, and who the blocks point at.
///
/// Red Rover's defence against a subscriber who hands hints to a censor: since each location
/// reaches only a few subscribers, every blocked location narrows the field, and across several
/// blocks the one subscriber who knew them all stands out.
public struct ExposureLog: Sendable {
    public let store: QuadStore

    public init(store: QuadStore) {
        self.store = store
    }

    /// Records that the locations with these URLs were blocked, all or none: a URL that neither
    /// the store's descriptions nor the exposure log mention is refused, naming it. A location
    /// blocked before keeps its first report time. Returns, per URL, how many subscribers knew it.
    @discardableResult
    public func block(_ urls: [String], now: Date = Date()) throws -> [(url: String, knownBy: Int)] {
        let urls = urls.map { $0.trimmingCharacters(in: .whitespaces) }
        let inStore = try store.read { snapshot -> Set<String> in
            guard let urlPredicate = try snapshot.id(of: .iri(GV.url)) else { return [] }
            var found = Set<String>()
            for url in urls {
                guard let id = try snapshot.id(of: .iri(url)) else { continue }
                try snapshot.match([IDPattern(.variable(0), .constant(urlPredicate), .constant(id))], scope: .merge(nil),
                                   variableCount: 1) { _ in
                    found.insert(url)
                    return false
                }
            }
            return found
        }
        return try store.writeSQL { db in
            var result: [(url: String, knownBy: Int)] = []
            for url in urls {
                let knownBy = try Int.fetchOne(db, sql: "SELECT count(*) FROM exposures WHERE location = ?", arguments: [url]) ?? 0
                guard knownBy > 0 || inStore.contains(url) else { throw HubError.unknownLocation(url) }
                result.append((url, knownBy))
            }
            for url in urls {
                try db.execute(sql: "INSERT OR IGNORE INTO blocked_locations(location, reported) VALUES (?, ?)",
                               arguments: [url, HubTime.format(now)])
            }
            return result
        }
    }

    /// The blocked locations' URLs.
    public func blocked() throws -> Set<String> {
        try store.readSQL { db in Set(try String.fetchAll(db, sql: "SELECT location FROM blocked_locations")) }
    }

    /// Subscribers who knew at least one blocked location, most suspect first; at most `top`.
    public func suspects(top: Int? = nil) throws -> (suspects: [Suspect], blockedTotal: Int) {
        try store.readSQL { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM blocked_locations") ?? 0
            let rows = try Row.fetchAll(db, sql: """
                WITH knowers AS (
                    SELECT e.location, count(*) AS n FROM exposures e
                    JOIN blocked_locations b ON b.location = e.location GROUP BY e.location)
                SELECT s.address, s.status,
                       total(CASE WHEN k.n IS NULL THEN 0 ELSE 1.0 / k.n END) AS score,
                       count(k.n) AS blocked_known, count(*) AS exposures
                FROM exposures e JOIN subscribers s ON s.id = e.subscriber
                LEFT JOIN knowers k ON k.location = e.location
                GROUP BY s.id HAVING blocked_known > 0
                ORDER BY score DESC, exposures ASC, s.address
                LIMIT ?
                """, arguments: [top ?? -1])
            let suspects = rows.map { row in
                Suspect(address: row["address"], status: Subscriber.Status(rawValue: row["status"]) ?? .active,
                        score: row["score"], blockedKnown: row["blocked_known"], exposures: row["exposures"])
            }
            return (suspects, total)
        }
    }

    /// Each location's number of subscribers told, and the blocked set: what a run starts from.
    func state() throws -> HintPicker.Exposure {
        try store.readSQL { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT location, count(*) AS n FROM exposures GROUP BY location") {
                counts[row["location"]] = row["n"]
            }
            return HintPicker.Exposure(counts: counts, blocked: Set(try String.fetchAll(db, sql: "SELECT location FROM blocked_locations")))
        }
    }

    /// What one subscriber has been told: URL → resource (inside the digest run's transaction).
    static func locations(toldTo subscriber: Int64, in db: Database) throws -> [String: String] {
        var told: [String: String] = [:]
        let statement = try db.cachedStatement(sql: "SELECT location, resource FROM exposures WHERE subscriber = ?")
        for row in try Row.fetchAll(statement, arguments: [subscriber]) {
            told[row[0]] = row[1]
        }
        return told
    }
}
