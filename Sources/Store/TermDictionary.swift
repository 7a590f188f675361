import GRDB
import RDF

/// Interns terms into integer ids and decodes ids back into terms.
///
/// A dictionary lives inside one transaction: ids it hands out are only real once that
/// transaction commits, so its caches must not outlive it. The intern cache is bounded; when it
/// fills it is simply emptied, which keeps memory flat on loads of any size while still catching
/// the repetition that matters (predicates, classes, datatypes, graph names).
///
/// When a load starts on an empty `terms` table (the first publication into a fresh store), the
/// dictionary keeps the hash and id of every term it adds (16 bytes a term, not the term): a term
/// whose hash it has not added cannot be in the table, and one whose hash it has is checked by id.
/// The lookup index on `hash` is then not needed during the load; it is dropped and rebuilt at the
/// end (`finishLoading()`), in the same transaction, which is cheaper than keeping a randomly
/// ordered index up to date row by row.
final class TermDictionary {
    static let cacheLimit = 1 << 17

    private let database: Database
    /// The id of the first term added with each hash, when the table was empty at the start.
    private var addedIDs: [Int64: Int64]?
    private var internCache: [Term: Int64] = [:]
    private var decodeCache: [Int64: Term] = [:]
    private var datatypeIDs: [String: Int64] = [:]
    private var datatypeIRIs: [Int64: String] = [:]
    private let lookup: SQLiteStatement
    private let insert: SQLiteStatement
    private let decode: SQLiteStatement

    /// - Parameter loading: the dictionary serves a load (a publication) and may skip lookups
    ///   that cannot find anything, as above.
    init(_ database: Database, loading: Bool = false) throws {
        self.database = database
        lookup = try SQLiteStatement(database, "SELECT id, kind, lexical, datatype, language FROM terms WHERE hash = ?")
        insert = try SQLiteStatement(database, "INSERT INTO terms(hash, kind, lexical, datatype, language) VALUES (?, ?, ?, ?, ?)")
        decode = try SQLiteStatement(database, "SELECT kind, lexical, datatype, language FROM terms WHERE id = ?")
        internCache.reserveCapacity(Self.cacheLimit)
        if try loading && !(Bool.fetchOne(database, sql: "SELECT EXISTS(SELECT 1 FROM terms)") ?? true) {
            addedIDs = [:]
            try database.execute(sql: "DROP INDEX IF EXISTS \(StoreSchema.termHashIndex.name)")
        }
        for row in try Row.fetchAll(database, sql: "SELECT id, iri FROM datatypes") {
            datatypeIDs[row[1]] = row[0]
            datatypeIRIs[row[0]] = row[1]
        }
    }

    /// The id of `term`, adding it to the dictionary when it is new.
    func intern(_ term: Term) throws -> Int64 {
        let cached = Self.isWorthCaching(term)
        if cached, let id = internCache[term] { return id }
        let key = try StoredTerm(term, datatypeID: datatypeID(for:))
        let hash = key.hash
        let id = try find(key, hash: hash) ?? add(key, hash: hash)
        if cached { remember(term, id) }
        return id
    }

    /// The id of `term` if the store has it; never adds.
    func existingID(_ term: Term) throws -> Int64? {
        if let id = internCache[term] { return id }
        if case .literal(let literal) = term, literal.language == nil, datatypeIDs[literal.datatype] == nil { return nil }
        let key = try StoredTerm(term) { self.datatypeIDs[$0] ?? 0 }
        let id = try find(key, hash: key.hash)
        if let id { remember(term, id) }
        return id
    }

    /// Ends a load: rebuilds the hash index if the load went without it.
    func finishLoading() throws {
        guard addedIDs != nil else { return }
        addedIDs = nil
        try database.execute(sql: "CREATE INDEX IF NOT EXISTS \(StoreSchema.termHashIndex.name) ON terms(\(StoreSchema.termHashIndex.columns))")
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

    /// The term a row of `terms` spells, for readers that fetched the row themselves.
    func term(_ stored: StoredTerm) -> Term { stored.term(datatypeIRI: datatypeIRIs) }

    /// The row of term `id`, as stored.
    private func stored(_ id: Int64) throws -> StoredTerm? {
        decode.reset()
        decode.bind(1, id)
        guard try decode.step() else { return nil }
        return StoredTerm(kind: decode.int64(0), lexical: decode.text(1), datatype: decode.int64(2), language: decode.text(3))
    }

    /// Long literals (descriptions, abstracts) rarely repeat: hashing them into the cache costs
    /// more than the odd lookup it saves, and they would push out the terms that do repeat.
    private static func isWorthCaching(_ term: Term) -> Bool {
        guard case .literal(let literal) = term else { return true }
        return literal.lexical.utf8.count <= 48
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

    private func find(_ key: StoredTerm, hash: Int64) throws -> Int64? {
        if let addedIDs {
            guard let id = addedIDs[hash] else { return nil }
            if try stored(id) == key { return id }
            // Another term with the same hash (FNV-1a collisions are rare): look at all of them.
        }
        lookup.reset()
        lookup.bind(1, hash)
        while try lookup.step() {
            if lookup.int64(1) == key.kind && lookup.int64(3) == key.datatype
                && lookup.text(2) == key.lexical && lookup.text(4) == key.language {
                return lookup.int64(0)
            }
        }
        return nil
    }

    private func add(_ key: StoredTerm, hash: Int64) throws -> Int64 {
        insert.reset()
        insert.bind(1, hash)
        insert.bind(2, key.kind)
        insert.bind(4, key.datatype)
        try insert.withText(3, key.lexical) {
            try insert.withText(5, key.language) { try insert.step() }
        }
        let id = insert.lastInsertedRowID
        if addedIDs?[hash] == nil { addedIDs?[hash] = id }
        try TextSearch.index(id, key, datatypeIRI: datatypeIRIs[key.datatype], in: database)
        return id
    }
}

/// A term as the `terms` table spells it.
struct StoredTerm: Equatable {
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
