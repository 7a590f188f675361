import GRDB
import GRDBSQLite
import RDF

/// Loads one description's quads (and optionally its verbatim body) inside the publishing
/// transaction.
///
/// Blank-node labels are scoped here: Raptor passes labels through as written, so `_:b0` in two
/// documents would otherwise be one node. Each description gets its own label prefix.
public final class DescriptionWriter {
    let database: Database
    let dictionary: TermDictionary
    let descriptionID: Int64
    let descriptionGraph: String
    let descriptionGraphID: Int64
    private let insertQuad: SQLiteStatement
    private let findOwner: SQLiteStatement
    private let claimGraph: SQLiteStatement
    private(set) var graphIDs: Set<Int64>
    private var checkedGraphs: [Term: Int64] = [:]
    private let blankPrefix: String
    private let insertChunk: SQLiteStatement
    private var chunkCount: Int64 = 0
    /// Bytes of the verbatim document written so far.
    public private(set) var byteCount = 0
    public private(set) var quadCount = 0
    /// SHA-256 (or other) digest of the body, set by the caller before the load ends.
    public var digest = ""

    init(database: Database, dictionary: TermDictionary, descriptionID: Int64, header: DescriptionHeader) throws {
        self.database = database
        self.dictionary = dictionary
        self.descriptionID = descriptionID
        self.descriptionGraph = header.graph
        blankPrefix = "b\(descriptionID)_"
        insertQuad = try SQLiteStatement(database, "INSERT OR IGNORE INTO quads(s, p, o, g) VALUES (?, ?, ?, ?)")
        findOwner = try SQLiteStatement(database, "SELECT d.graph FROM description_graphs g JOIN descriptions d ON d.id = g.description WHERE g.graph = ?")
        claimGraph = try SQLiteStatement(database, "INSERT INTO description_graphs(graph, description) VALUES (?, ?)")
        insertChunk = try SQLiteStatement(database, "INSERT INTO description_chunks(description, sequence, bytes) VALUES (?, ?, ?)")
        descriptionGraphID = try dictionary.intern(.iri(header.graph))
        graphIDs = [descriptionGraphID]
        checkedGraphs[.iri(header.graph)] = descriptionGraphID
        try claim(descriptionGraphID, named: header.graph)
    }

    /// Adds quads; a quad without a graph belongs to the description's own graph.
    public func add(_ quads: [Quad]) throws {
        for quad in quads {
            let g = try graphID(quad.graph)
            let s = try dictionary.intern(scoped(quad.subject))
            let p = try dictionary.intern(quad.predicate)
            let o = try dictionary.intern(scoped(quad.object))
            try insertQuad.run(s, p, o, g)
            quadCount += 1
        }
    }

    /// Appends raw bytes of the verbatim document, which the store keeps as it was read.
    public func appendBody(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        insertChunk.reset()
        insertChunk.bind(1, descriptionID)
        insertChunk.bind(2, chunkCount)
        sqlite3_bind_blob(insertChunk.handle, 3, bytes.baseAddress, Int32(bytes.count), nil)
        try insertChunk.step()
        chunkCount += 1
        byteCount += bytes.count
    }

    private func scoped(_ term: Term) -> Term {
        if case .blank(let label) = term { return .blank(blankPrefix + label) }
        return term
    }

    private func graphID(_ graph: Term?) throws -> Int64 {
        guard let graph else { return descriptionGraphID }
        if let id = checkedGraphs[graph] { return id }
        let id = try dictionary.intern(scoped(graph))
        if !graphIDs.contains(id) {
            try claim(id, named: graph.iriValue ?? NTriples.format(graph))
            graphIDs.insert(id)
        }
        checkedGraphs[graph] = id
        return id
    }

    /// Records that this description owns a graph, unless another description already does.
    private func claim(_ id: Int64, named name: String) throws {
        findOwner.reset()
        findOwner.bind(1, id)
        if try findOwner.step() {
            let owner = findOwner.text(0)
            findOwner.reset()
            throw StoreError.graphOwnedByAnotherDescription(graph: name, owner: owner)
        }
        findOwner.reset()
        try claimGraph.run(id, descriptionID)
    }
}
