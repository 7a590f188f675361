import Foundation
import GRDB

extension QuadStore {
    /// Removes every description and retraction whose expiry has passed, in one transaction.
    ///
    /// Publishers' high-water marks stay, so a partner that still has an expired envelope
    /// does not send it back.
    @discardableResult
    public func purgeExpired(now: Date = Date()) throws -> PurgeReport {
        try database.write { db in
            let cutoff = Self.timestamp(now)
            var report = PurgeReport()
            let expired = try Row.fetchAll(db, sql: "SELECT id, graph FROM descriptions WHERE expires IS NOT NULL AND expires <= ? ORDER BY graph",
                                           arguments: [cutoff])
            for row in expired {
                try collectTermsForCollection(db, description: row["id"])
                try removeDescription(db, id: row["id"])
                report.descriptions.append(row["graph"])
            }
            if !expired.isEmpty { try collectUnusedTerms(db) }
            report.retractions = try String.fetchAll(db, sql: "SELECT graph FROM tombstones WHERE expires IS NOT NULL AND expires <= ? ORDER BY graph",
                                                     arguments: [cutoff])
            try db.execute(sql: "DELETE FROM tombstones WHERE expires IS NOT NULL AND expires <= ?", arguments: [cutoff])
            return report
        }
    }
}
