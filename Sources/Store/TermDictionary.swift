import GRDB
import RDF

/// Interns terms into integer ids and decodes ids back into terms.
///
/// A dictionary lives inside one transaction: ids it hands out are only real once that
/// transaction commits, so its caches must not outlive it. The intern cache is bounded; when it
/// fills it is simply emptied, which keeps memory flat on loads of any size while still catching
/// the repetition that matters (predicates, classes, datatypes, graph names).
final class TermDictionary {
    static let cacheLimit = 1 << 17

    private let database: Database
    private var internCache: [Term: Int64] = [:]
    private var decodeCache: [Int64: Term] = [:]
    private var datatypeIDs: [String: Int64] = [:]
    private var datatypeIRIs: [Int64: String] = [:]
    private let lookup: SQLiteStatement
    private let insert: SQLiteStatement
    private let decode: SQLiteStatement

    init(_ database: Database) throws {
        self.database = database
        lookup = try SQLiteStatement(database, "SELECT id, kind, lexical, datatype, language FROM terms WHERE hash = ?")
        insert = try SQLiteStatement(database, "INSERT INTO terms(hash, kind, lexical, datatype, language) VALUES (?, ?, ?, ?, ?)")
        decode = try SQLiteStatement(database, "SELECT kind, lexical, datatype, language FROM terms WHERE id = ?")
        internCache.reserveCapacity(Self.cacheLimit)
        for row in try Row.fetchAll(database, sql: "SELECT id, iri FROM datatypes") {
            datatypeIDs[row[1]] = row[0]
            datatypeIRIs[row[0]] = row[1]
        }
    }

    /// The id of `term`, adding it to the dictionary when it is new.
    func intern(_ term: Term) throws -> Int64 {
        if let id = internCache[term] { return id }
        let key = try StoredTerm(term, datatypeID: datatypeID(for:))
        let id = try find(key) ?? add(key)
        remember(term, id)
        return id
    }

    /// The id of `term` if the store has it; never adds.
    func existingID(_ term: Term) throws -> Int64? {
        if let id = internCache[term] { return id }
        if case .literal(let literal) = term, literal.language == nil, datatypeIDs[literal.datatype] == nil { return nil }
        let key = try StoredTerm(term) { self.datatypeIDs[$0] ?? 0 }
        let id = try find(key)
        if let id { remember(term, id) }
        return id
    }

    func term(_ id: Int64) throws -> Term {
        if let term = decodeCache[id] { return term }
        decode.reset()
        decode.bind(1, id)
        guard try decode.step() else { throw StoreError.incompatibleDatabase("term \(id) is missing from the dictionary") }
        let term = StoredTerm(kind: decode.int64(0), lexical: decode.text(1), datatype: decode.int64(2),
                              language: decode.text(3)).term(datatypeIRI: datatypeIRIs)
        if decodeCache.count >= Self.cacheLimit { decodeCache.removeAll(keepingCapacity: true) }
        decodeCache[id] = term
        return term
    }

    private func remember(_ term: Term, _ id: Int64) {
        if internCache.count >= Self.cacheLimit { internCache.removeAll(keepingCapacity: true) }
        internCache[term] = id
    }

    private func datatypeID(for iri: String) throws -> Int64 {
        if let id = datatypeIDs[iri] { return id }
        try database.execute(sql: "INSERT INTO datatypes(iri) VALUES (?)", arguments: [iri])
        let id = database.lastInsertedRowID
        datatypeIDs[iri] = id
        datatypeIRIs[id] = iri
        return id
    }

    private func find(_ key: StoredTerm) throws -> Int64? {
        lookup.reset()
        lookup.bind(1, key.hash)
        while try lookup.step() {
            if lookup.int64(1) == key.kind && lookup.int64(3) == key.datatype
                && lookup.text(2) == key.lexical && lookup.text(4) == key.language {
                return lookup.int64(0)
            }
        }
        return nil
    }

    private func add(_ key: StoredTerm) throws -> Int64 {
        insert.reset()
        insert.bind(1, key.hash)
        insert.bind(2, key.kind)
        insert.bind(4, key.datatype)
        try insert.withText(3, key.lexical) {
            try insert.withText(5, key.language) { try insert.step() }
        }
        let id = insert.lastInsertedRowID
        try TextSearch.index(id, key, datatypeIRI: datatypeIRIs[key.datatype], in: database)
        return id
    }
}

/// A term as the `terms` table spells it.
struct StoredTerm {
    static let iri: Int64 = 1
    static let blank: Int64 = 2
    static let literal: Int64 = 3

    var kind: Int64
    var lexical: String
    var datatype: Int64
    var language: String

    init(kind: Int64, lexical: String, datatype: Int64, language: String) {
        self.kind = kind
        self.lexical = lexical
        self.datatype = datatype
        self.language = language
    }

    init(_ term: Term, datatypeID: (String) throws -> Int64) rethrows {
        switch term {
        case .iri(let iri): self.init(kind: Self.iri, lexical: iri, datatype: 0, language: "")
        case .blank(let label): self.init(kind: Self.blank, lexical: label, datatype: 0, language: "")
        case .literal(let literal):
            // Language-tagged strings all share rdf:langString; the tag is the distinguishing part.
            let datatype = literal.language == nil ? try datatypeID(literal.datatype) : 0
            self.init(kind: Self.literal, lexical: literal.lexical, datatype: datatype, language: literal.language ?? "")
        }
    }

    func term(datatypeIRI: [Int64: String]) -> Term {
        switch kind {
        case Self.iri: return .iri(lexical)
        case Self.blank: return .blank(lexical)
        default:
            if !language.isEmpty { return .literal(Literal(lexical, language: language)) }
            return .literal(Literal(lexical, datatype: datatypeIRI[datatype] ?? XSD.string))
        }
    }

    /// FNV-1a over the natural key. Stable across processes and platforms (Swift's `Hasher` is
    /// seeded per process, so it cannot be stored).
    var hash: Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        mix(UInt8(kind))
        for byte in lexical.utf8 { mix(byte) }
        mix(0xFF)
        withUnsafeBytes(of: datatype.littleEndian) { for byte in $0 { mix(byte) } }
        for byte in language.utf8 { mix(byte) }
        return Int64(bitPattern: hash)
    }
}
