import GRDB
import RDF

/// Reads one description's graphs inside the publishing transaction, before it commits.
///
/// Checks that need the whole description (the Schemas shapes) run through this, over the store's
/// indexes, so nothing has to hold a large document in memory.
public final class DescriptionReader {
    let database: Database
    let dictionary: TermDictionary
    /// The ids of the graphs the description owns.
    public let graphIDs: [Int64]
    private let blankPrefix: String
    private let byGraphPredicate: SQLiteStatement
    private let byGraphPredicateObject: SQLiteStatement
    private let bySubjectPredicate: SQLiteStatement
    private let byObject: SQLiteStatement
    private let valuesByGraphPredicate: SQLiteStatement

    init(database: Database, dictionary: TermDictionary, writer: DescriptionWriter) throws {
        self.database = database
        self.dictionary = dictionary
        self.graphIDs = writer.graphIDs.sorted()
        blankPrefix = "b\(writer.descriptionID)_"
        byGraphPredicate = try SQLiteStatement(database, "SELECT s, o FROM quads WHERE p = ? AND g = ?")
        byGraphPredicateObject = try SQLiteStatement(database, "SELECT s FROM quads WHERE p = ? AND o = ? AND g = ?")
        bySubjectPredicate = try SQLiteStatement(database, "SELECT o FROM quads WHERE s = ? AND p = ? AND g = ?")
        byObject = try SQLiteStatement(database, "SELECT s, p FROM quads WHERE o = ? AND g = ? LIMIT 1")
        valuesByGraphPredicate = try SQLiteStatement(database, """
            SELECT q.s, q.o, t.kind, t.lexical, t.datatype, t.language
            FROM quads q CROSS JOIN terms t ON t.id = q.o WHERE q.p = ? AND q.g = ?
            """)
    }

    /// The id of a term, or nil when no quad could use it.
    public func id(of term: Term) throws -> Int64? { try dictionary.existingID(term) }

    public func term(_ id: Int64) throws -> Term { try dictionary.term(id) }

    /// The term as the document wrote it (blank-node labels without the store's scope prefix).
    public func displayTerm(_ id: Int64) throws -> Term {
        display(try dictionary.term(id))
    }

    private func display(_ term: Term) -> Term {
        if case .blank(let label) = term, label.hasPrefix(blankPrefix) { return .blank(String(label.dropFirst(blankPrefix.count))) }
        return term
    }

    /// Every (subject, object) pair with this predicate in the description's graphs, with the
    /// object as the document wrote it (`displayTerm`). One statement reads the terms along with
    /// the pairs, where fetching each object apart would cost one lookup per value.
    public func values(predicate: Int64) throws -> [(subject: Int64, object: Int64, value: Term)] {
        try rows(valuesByGraphPredicate, [predicate]) { row in
            let stored = StoredTerm(kind: row.int64(2), lexical: row.text(3), datatype: row.int64(4), language: row.text(5))
            return (row.int64(0), row.int64(1), display(dictionary.term(stored)))
        }
    }

    /// Every (subject, object) pair with this predicate in the description's graphs.
    public func pairs(predicate: Int64) throws -> [(subject: Int64, object: Int64)] {
        try rows(byGraphPredicate, [predicate]) { ($0.int64(0), $0.int64(1)) }
    }

    /// Subjects with this predicate and object in the description's graphs.
    public func subjects(predicate: Int64, object: Int64) throws -> [Int64] {
        try rows(byGraphPredicateObject, [predicate, object]) { $0.int64(0) }
    }

    /// Objects of one subject and predicate in the description's graphs.
    public func objects(subject: Int64, predicate: Int64) throws -> [Int64] {
        try rows(bySubjectPredicate, [subject, predicate]) { $0.int64(0) }
    }

    /// Runs `statement` once per graph of the description (the graph id bound last) and
    /// collects its rows.
    private func rows<T>(_ statement: SQLiteStatement, _ values: [Int64], _ row: (SQLiteStatement) -> T) throws -> [T] {
        var result: [T] = []
        for graph in graphIDs {
            statement.reset()
            for (index, value) in (values + [graph]).enumerated() { statement.bind(Int32(index + 1), value) }
            while try statement.step() { result.append(row(statement)) }
        }
        return result
    }

    /// One (subject, predicate) that points at `object`, so a blank node can be named by what
    /// refers to it ("the gv:location of <…>") in messages.
    public func referrer(of object: Int64) throws -> (subject: Int64, predicate: Int64)? {
        try rows(byObject, [object]) { ($0.int64(0), $0.int64(1)) }.first
    }
}
