import Foundation
import GRDB
import RDF

extension QuadStore {
    /// Streams quads in graph, subject, predicate, object order: the whole store, or one graph.
    ///
    /// Blank nodes come out with their store-scoped labels, which keeps nodes of different
    /// descriptions apart in a combined export.
    public func export(graph: String? = nil, _ body: (Quad) throws -> Void) throws {
        try database.read { db in
            var sql = """
                SELECT gt.kind, gt.lexical, st.kind, st.lexical, pt.lexical,
                       ot.kind, ot.lexical, ot.language, COALESCE(dt.iri, '')
                FROM quads q
                JOIN terms gt ON gt.id = q.g
                JOIN terms st ON st.id = q.s
                JOIN terms pt ON pt.id = q.p
                JOIN terms ot ON ot.id = q.o
                LEFT JOIN datatypes dt ON dt.id = ot.datatype
                """
            var graphID: Int64?
            if let graph {
                graphID = try Int64.fetchOne(db, sql: """
                    SELECT t.id FROM terms t JOIN description_graphs g ON g.graph = t.id
                    WHERE t.kind = 1 AND t.lexical = ?
                    """, arguments: [graph])
                guard graphID != nil else { throw StoreError.noSuchGraph(graph) }
                sql += " WHERE q.g = ?"
            }
            sql += " ORDER BY q.g, q.s, q.p, q.o"
            let statement = try SQLiteStatement(db, sql)
            statement.reset()
            if let graphID { statement.bind(1, graphID) }
            while try statement.step() {
                func term(_ kind: Int32, _ lexical: Int32) -> Term {
                    statement.int64(kind) == StoredTerm.blank ? .blank(statement.text(lexical)) : .iri(statement.text(lexical))
                }
                let object: Term
                if statement.int64(5) == StoredTerm.literal {
                    let language = statement.text(7)
                    object = language.isEmpty
                        ? .literal(Literal(statement.text(6), datatype: statement.text(8).isEmpty ? XSD.string : statement.text(8)))
                        : .literal(Literal(statement.text(6), language: language))
                } else {
                    object = term(5, 6)
                }
                try body(Quad(term(2, 3), .iri(statement.text(4)), object, graph: term(0, 1)))
            }
        }
    }

    /// Counts for `grapevine stats`.
    public func statistics() throws -> StoreStatistics {
        try database.read { db in
            let bytes = [path, path + "-wal"].reduce(0) { total, file in
                total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
            }
            return StoreStatistics(
                path: path,
                descriptions: try Int.fetchOne(db, sql: "SELECT count(*) FROM descriptions") ?? 0,
                graphs: try Int.fetchOne(db, sql: "SELECT count(*) FROM description_graphs") ?? 0,
                quads: try Int.fetchOne(db, sql: "SELECT count(*) FROM quads") ?? 0,
                terms: try Int.fetchOne(db, sql: "SELECT count(*) FROM terms") ?? 0,
                databaseBytes: bytes)
        }
    }

    /// The published descriptions, by graph IRI.
    public func descriptions() throws -> [DescriptionRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.*, (SELECT group_concat(t.lexical, char(10)) FROM description_graphs g
                             JOIN terms t ON t.id = g.graph
                             WHERE g.description = d.id AND t.lexical <> d.graph) AS named
                FROM descriptions d ORDER BY d.graph
                """).map { row in
                DescriptionRecord(
                    graph: row["graph"], source: row["source"], syntax: row["syntax"], publisher: row["publisher"],
                    version: row["version"], issued: Self.date(row["issued"]) ?? Date(timeIntervalSince1970: 0),
                    expires: (row["expires"] as String?).flatMap(Self.date), digest: row["digest"],
                    byteCount: row["byte_count"], quadCount: row["quad_count"],
                    namedGraphs: (row["named"] as String?)?.split(separator: "\n").map(String.init) ?? [])
            }
        }
    }

    /// The verbatim document of a description, as it was published.
    public func body(graph: String) throws -> [UInt8]? {
        try database.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM descriptions WHERE graph = ?", arguments: [graph]) else {
                return nil
            }
            var body: [UInt8] = []
            for chunk in try Data.fetchAll(db, sql: "SELECT bytes FROM description_chunks WHERE description = ? ORDER BY sequence",
                                           arguments: [id]) {
                body += chunk
            }
            return body
        }
    }

    static func date(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
