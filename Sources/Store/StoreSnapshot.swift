import GRDB
import GRDBSQLite
import RDF

/// A consistent read view of the store for the query engine: term lookups and basic graph
/// pattern matching over term ids, inside one read transaction.
public final class StoreSnapshot {
    let database: Database
    private var openedDictionary: TermDictionary?
    /// Pattern counts already taken (the join order's estimates), by constants; see `estimates`.
    var countCache: [String: Int] = [:]

    init(database: Database) throws {
        self.database = database
    }

    /// The term dictionary, prepared when a query first needs it: a query whose terms and
    /// estimates all come from the query engine's cache never pays for its statements.
    var dictionary: TermDictionary {
        get throws {
            if let openedDictionary { return openedDictionary }
            let opened = try TermDictionary(database)
            openedDictionary = opened
            return opened
        }
    }

    /// The id of a term if the store has it.
    public func id(of term: Term) throws -> Int64? { try dictionary.existingID(term) }

    public func term(_ id: Int64) throws -> Term { try dictionary.term(id) }

    /// Every named graph in the store (each description's graph and the graphs its document named).
    public func graphIDs() throws -> [Int64] {
        try Int64.fetchAll(database, sql: "SELECT graph FROM description_graphs ORDER BY graph")
    }

    /// The id of a named graph, if the store has that graph.
    public func graphID(named iri: String) throws -> Int64? {
        guard let id = try id(of: .iri(iri)) else { return nil }
        return try Bool.fetchOne(database, sql: "SELECT EXISTS(SELECT 1 FROM description_graphs WHERE graph = ?)", arguments: [id]) == true ? id : nil
    }

    /// The IRI that stands for every graph of one publisher's descriptions in a query's dataset
    /// (`FROM <urn:grapevine:publisher:ID>`); the same prefix as `PeerID.publisherIRI`.
    public static let publisherIRIPrefix = "urn:grapevine:publisher:"

    /// The graphs a dataset clause (`FROM`, `FROM NAMED`) names: a publisher IRI stands for every
    /// graph of that publisher's descriptions, any other IRI for that one graph. Empty when the
    /// store has none of them.
    public func graphIDs(forDatasetName iri: String) throws -> [Int64] {
        guard iri.hasPrefix(Self.publisherIRIPrefix) else { return try graphID(named: iri).map { [$0] } ?? [] }
        let publisher = iri.dropFirst(Self.publisherIRIPrefix.count).lowercased()
        return try Int64.fetchAll(database, sql: """
            SELECT g.graph FROM description_graphs g JOIN descriptions d ON d.id = g.description
            WHERE d.publisher = ? ORDER BY g.graph
            """, arguments: [publisher])
    }

    /// How many quads match a pattern of constants (nil = any), capped for speed: the estimate the
    /// join order is built from.
    func count(s: Int64?, p: Int64?, o: Int64?, g: Int64?, cap: Int = StoreSnapshot.estimateCap) throws -> Int {
        var clauses: [String] = []
        var arguments: [Int64] = []
        for (column, value) in [("s", s), ("p", p), ("o", o), ("g", g)] {
            if let value {
                clauses.append("\(column) = ?")
                arguments.append(value)
            }
        }
        let key = "\(s ?? 0)/\(p ?? 0)/\(o ?? 0)/\(g ?? 0)"
        if let cached = countCache[key] { return cached }
        let filter = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let count = try Int.fetchOne(database, sql: "SELECT count(*) FROM (SELECT 1 FROM quads\(filter) LIMIT \(cap))",
                                     arguments: StatementArguments(arguments)) ?? 0
        countCache[key] = count
        return count
    }

    /// Runs SQL over ids and hands each row's integer columns to `row`; `row` returns false to stop.
    ///
    /// With `reuse`, the statement comes from the connection's cache and outlives the transaction,
    /// so a query run again skips compiling it; SQL with values spelled into it (which rarely
    /// recurs) is compiled afresh and dropped.
    /// `texts` are bound after the integers, in order.
    func rows(_ sql: String, _ arguments: [Int64], texts: [String] = [], columns: Int, reuse: Bool = false,
              _ row: ([Int64]) throws -> Bool) throws {
        let statement = reuse ? try database.cachedStatement(sql: sql) : try database.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), value) }
        if !texts.isEmpty {
            // GRDB copies the text (SQLITE_TRANSIENT), so it outlives this scope safely.
            try statement.setArguments(StatementArguments(arguments.map { $0 as (any DatabaseValueConvertible)? } + texts.map { $0 }))
        }
        var values = [Int64](repeating: 0, count: columns)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)))
            }
            for column in 0..<columns { values[column] = sqlite3_column_int64(handle, Int32(column)) }
            if try !row(values) { break }
        }
    }
}

extension QuadStore {
    /// Runs `body` over a consistent snapshot of the store: one deferred read transaction.
    ///
    /// The transaction is opened and closed through SQLite directly rather than GRDB's `read`:
    /// GRDB prepares its BEGIN, COMMIT and `query_only` pragmas afresh each time, and preparing a
    /// statement through GRDB resets SQLite's authorizer, which expires every cached statement,
    /// so each query recompiled its SQL. That was a third of a one-subject lookup.
    public func read<T>(_ body: (StoreSnapshot) throws -> T) throws -> T {
        try database.unsafeRead { db in
            let handle = db.sqliteConnection
            // Already inside a transaction (a caller's own): that is the snapshot.
            guard sqlite3_get_autocommit(handle) != 0 else { return try body(StoreSnapshot(database: db)) }
            try Self.execute("BEGIN DEFERRED", on: db)
            do {
                let result = try body(StoreSnapshot(database: db))
                try Self.execute("COMMIT", on: db)
                return result
            } catch {
                try? Self.execute("ROLLBACK", on: db)
                throw error
            }
        }
    }

    private static func execute(_ sql: String, on db: Database) throws {
        let code = sqlite3_exec(db.sqliteConnection, sql, nil, nil, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// An empty store in memory, for queries over files (`grapevine query --data`) and tests.
    public static func inMemory() throws -> QuadStore {
        try QuadStore(path: ":memory:")
    }
}
