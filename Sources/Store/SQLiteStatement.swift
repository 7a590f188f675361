import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API.
///
/// The bulk-load path runs millions of tiny statements; binding through GRDB's value boxes costs
/// more than the SQLite work itself, so the hot loop binds integers and text directly. The
/// statement belongs to a GRDB connection and lives only inside one of its transactions.
struct SQLiteStatement {
    let handle: OpaquePointer
    let database: Database
    /// Owning the GRDB statement keeps the handle alive: GRDB empties its statement cache when the
    /// schema changes (as the bulk load does when it drops and rebuilds indexes).
    private let statement: Statement

    init(_ database: Database, _ sql: String) throws {
        self.database = database
        self.statement = try database.makeStatement(sql: sql)
        self.handle = statement.sqliteStatement
    }

    /// Runs the statement to completion with integer parameters.
    func run(_ values: Int64...) throws {
        sqlite3_reset(handle)
        for (index, value) in values.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), value) }
        try step()
    }

    /// Runs the statement to completion with four integer parameters: the quad insert of a load,
    /// run once per triple, where building the variadic array cost a heap allocation each time.
    func run(_ first: Int64, _ second: Int64, _ third: Int64, _ fourth: Int64) throws {
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, first)
        sqlite3_bind_int64(handle, 2, second)
        sqlite3_bind_int64(handle, 3, third)
        sqlite3_bind_int64(handle, 4, fourth)
        try step()
    }

    /// Steps once; returns true when a row is available.
    @discardableResult
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(database.sqliteConnection)))
        }
    }

    func reset() { sqlite3_reset(handle) }
    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Binds text without copying: the bytes are only valid inside `body`, so the statement must
    /// be stepped there (SQLITE_TRANSIENT is a macro Swift cannot import; SQLITE_STATIC is nil).
    func withText<R>(_ index: Int32, _ value: String, _ body: () throws -> R) rethrows -> R {
        var value = value
        return try value.withUTF8 { bytes in
            sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(emptyText)).assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), nil)
            return try body()
        }
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(database.sqliteConnection) }
    var changes: Int32 { sqlite3_changes(database.sqliteConnection) }
}

nonisolated(unsafe) private let emptyText: UnsafeMutablePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return pointer
}()
