import GRDB
import RDF

/// A consistent read view of the store for the query engine: term lookups and basic graph
/// pattern matching over term ids, inside one read transaction.
public final class StoreSnapshot {
    let database: Database
    let dictionary: TermDictionary
    private var countCache: [String: Int] = [:]

    init(database: Database) throws {
        self.database = database
        self.dictionary = try TermDictionary(database)
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
        guard let id = try dictionary.existingID(.iri(iri)) else { return nil }
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
    func count(s: Int64?, p: Int64?, o: Int64?, g: Int64?, cap: Int = 1_000_000) throws -> Int {
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
    func rows(_ sql: String, _ arguments: [Int64], columns: Int, _ row: ([Int64]) throws -> Bool) throws {
        let statement = try SQLiteStatement(database, sql)
        statement.reset()
        for (index, value) in arguments.enumerated() { statement.bind(Int32(index + 1), value) }
        var values = [Int64](repeating: 0, count: columns)
        while try statement.step() {
            for column in 0..<columns { values[column] = statement.int64(Int32(column)) }
            if try !row(values) { break }
        }
    }
}

extension QuadStore {
    /// Runs `body` over a consistent snapshot of the store.
    public func read<T>(_ body: (StoreSnapshot) throws -> T) throws -> T {
        try database.read { db in try body(StoreSnapshot(database: db)) }
    }

    /// An empty store in memory, for queries over files (`grapevine query --data`) and tests.
    public static func inMemory() throws -> QuadStore {
        try QuadStore(path: ":memory:")
    }
}
