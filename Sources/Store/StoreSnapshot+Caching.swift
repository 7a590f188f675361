import GRDB
import GRDBSQLite

/// Identifies one state of the store as one connection sees it: a query engine may keep what it
/// learnt from the store (decoded terms, term ids, pattern counts) across queries while the token
/// stays the same, and must forget it when the token changes.
///
/// `PRAGMA data_version` changes when another connection (or process) commits, and the
/// connection's own total of changes grows when it writes itself; the connection's address keeps
/// tokens of different connections (a pool's readers) apart, since their counters are unrelated.
public struct StoreChangeToken: Hashable, Sendable {
    let connection: UInt
    let dataVersion: Int64
    let ownChanges: Int64
}

extension StoreSnapshot {
    /// Pattern counts stop at this many rows: enough to order the joins, and a count never scans
    /// a whole predicate's index just to plan.
    static let estimateCap = 20_000

    /// The current state's token (see `StoreChangeToken`).
    public func changeToken() throws -> StoreChangeToken {
        let handle = database.sqliteConnection
        let version = try Int64.fetchOne(database.cachedStatement(sql: "PRAGMA data_version")) ?? 0
        return StoreChangeToken(connection: UInt(bitPattern: handle), dataVersion: version,
                                ownChanges: sqlite3_total_changes64(handle))
    }

    /// The pattern counts taken so far, to hand to a later snapshot of the same state.
    public var estimates: [String: Int] {
        get { countCache }
        set { countCache = newValue }
    }

    /// How many named graphs the store holds (each description's graph and those it named).
    public func graphCount() throws -> Int {
        if let cached = countCache["graphs"] { return cached }
        let count = try Int.fetchOne(database, sql: "SELECT count(*) FROM description_graphs") ?? 0
        countCache["graphs"] = count
        return count
    }
}
