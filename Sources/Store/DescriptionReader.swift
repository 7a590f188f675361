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

    init(database: Database, dictionary: TermDictionary, writer: DescriptionWriter) throws {
        self.database = database
        self.dictionary = dictionary
        self.graphIDs = writer.graphIDs.sorted()
        blankPrefix = "b\(writer.descriptionID)_"
        byGraphPredicate = try SQLiteStatement(database, "SELECT s, o FROM quads WHERE g = ? AND p = ?")
        byGraphPredicateObject = try SQLiteStatement(database, "SELECT s FROM quads WHERE g = ? AND p = ? AND o = ?")
        bySubjectPredicate = try SQLiteStatement(database, "SELECT o FROM quads WHERE s = ? AND p = ? AND g = ?")
    }

    /// The id of a term, or nil when no quad could use it.
    public func id(of term: Term) throws -> Int64? { try dictionary.existingID(term) }

    public func term(_ id: Int64) throws -> Term { try dictionary.term(id) }

    /// The term as the document wrote it (blank-node labels without the store's scope prefix).
    public func displayTerm(_ id: Int64) throws -> Term {
        let term = try dictionary.term(id)
        if case .blank(let label) = term, label.hasPrefix(blankPrefix) { return .blank(String(label.dropFirst(blankPrefix.count))) }
        return term
    }

    /// Every (subject, object) pair with this predicate in the description's graphs.
    public func pairs(predicate: Int64) throws -> [(subject: Int64, object: Int64)] {
        var result: [(Int64, Int64)] = []
        for graph in graphIDs {
            byGraphPredicate.reset()
            byGraphPredicate.bind(1, graph)
            byGraphPredicate.bind(2, predicate)
            while try byGraphPredicate.step() { result.append((byGraphPredicate.int64(0), byGraphPredicate.int64(1))) }
        }
        return result
    }

    /// Subjects with this predicate and object in the description's graphs.
    public func subjects(predicate: Int64, object: Int64) throws -> [Int64] {
        var result: [Int64] = []
        for graph in graphIDs {
            byGraphPredicateObject.reset()
            byGraphPredicateObject.bind(1, graph)
            byGraphPredicateObject.bind(2, predicate)
            byGraphPredicateObject.bind(3, object)
            while try byGraphPredicateObject.step() { result.append(byGraphPredicateObject.int64(0)) }
        }
        return result
    }

    /// Objects of one subject and predicate in the description's graphs.
    public func objects(subject: Int64, predicate: Int64) throws -> [Int64] {
        var result: [Int64] = []
        for graph in graphIDs {
            bySubjectPredicate.reset()
            bySubjectPredicate.bind(1, subject)
            bySubjectPredicate.bind(2, predicate)
            bySubjectPredicate.bind(3, graph)
            while try bySubjectPredicate.step() { result.append(bySubjectPredicate.int64(0)) }
        }
        return result
    }
}
