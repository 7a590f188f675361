import Foundation
import GRDB
import RDF

/// The SQLite quad store: a term dictionary, quads in four index orders, and the published
/// descriptions (one named graph each) with their verbatim documents.
///
/// Every publication, replacement or retraction is one write transaction, so a reader (or a
/// crash, or `kill -9`) sees either the old description or the new one, never a mix.
public final class QuadStore: Sendable {
    public let path: String
    /// One connection for the command-line tool, which runs one operation at a time (GRDB's pool
    /// also touches the schema when it opens, and a refused publish must leave the file exactly
    /// as it was); a pool of readers beside the one writer for a node serving many requests.
    let database: any DatabaseWriter

    /// Opens (creating if needed) the store at `path`, bringing its schema up to date.
    /// - Parameter concurrentReads: serve reads from several connections at once (WAL readers).
    public init(path: String, concurrentReads: Bool = false) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // WAL lets readers in other processes (a running node) go on while one writer
            // publishes. NORMAL is durable at every commit in WAL mode except across a power
            // loss, and is what makes one-transaction-per-description loads fast.
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384")
        }
        do {
            if concurrentReads && path != ":memory:" {
                configuration.maximumReaderCount = 8
                database = try DatabasePool(path: path, configuration: configuration)
            } else {
                database = try DatabaseQueue(path: path, configuration: configuration)
            }
            try StoreSchema.migrator.migrate(database)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.incompatibleDatabase("\(path) is not a Grapevine database (not SQLite)")
        }
    }

    // MARK: Publishing

    /// Publishes a description: replaces any earlier version of the same graph, loads the new
    /// quads through `load`, runs `check` over them, and commits only if all of it succeeds.
    public func publish(_ header: DescriptionHeader,
                        load: (DescriptionWriter) throws -> Void,
                        check: (DescriptionReader) throws -> Void = { _ in }) throws -> PublishOutcome {
        try withoutActuallyEscaping(load) { load in
            try withoutActuallyEscaping(check) { check in
                try publish([PendingDescription(header: header, load: load, check: check)])[0]
            }
        }
    }

    /// Publishes several descriptions in one transaction: all of them or none.
    public func publish(_ descriptions: [PendingDescription]) throws -> [PublishOutcome] {
        try database.write { db in
            try descriptions.map { try publish($0, in: db) }
        }
    }

    func publish(_ pending: PendingDescription, in db: Database) throws -> PublishOutcome {
        let header = pending.header
        let dictionary = try TermDictionary(db, loading: true)
        let held = try HeldGraph.find(header.graph, in: db)
        let version = try HeldGraph.version(for: header.origin, graph: header.graph, over: held, in: db)
        if let previous = held?.descriptionID {
            try collectTermsForCollection(db, description: previous)
            try removeDescription(db, id: previous)
        } else if held != nil {
            // Publishing over a retraction: the newer description supersedes it.
            try db.execute(sql: "DELETE FROM tombstones WHERE graph = ?", arguments: [header.graph])
        }
        let bulk = try !(Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM quads)") ?? false)
        if bulk {
            for index in StoreSchema.secondaryIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
        }
        var envelope: Data?
        if case .received(_, _, let head) = header.origin { envelope = Data(head) }
        try db.execute(sql: """
            INSERT INTO descriptions(graph, source, syntax, publisher, version, issued, expires, envelope)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [header.graph, header.source, header.syntax, header.publisher, version,
                             Self.timestamp(header.issued), header.expires.map(Self.timestamp), envelope])
        let id = db.lastInsertedRowID
        let writer = try DescriptionWriter(database: db, dictionary: dictionary, descriptionID: id, header: header)
        try pending.load(writer)
        try dictionary.finishLoading()
        if bulk {
            // Each index build is a sort of every quad; a helper thread takes half of each sort
            // (the parse thread is done by now, so the second core is free).
            try db.execute(sql: "PRAGMA threads = 1")
            for index in StoreSchema.secondaryIndexes {
                try db.execute(sql: "CREATE INDEX \(index.name) ON quads(\(index.columns))")
            }
        }
        if held?.descriptionID != nil { try collectUnusedTerms(db) }
        try db.execute(sql: "UPDATE descriptions SET quad_count = ?, byte_count = ?, digest = ? WHERE id = ?",
                       arguments: [writer.quadCount, writer.byteCount, writer.digest, id])
        try pending.check(DescriptionReader(database: db, dictionary: dictionary, writer: writer))
        if case .local(let signer) = header.origin {
            let head = try signer.seal(EnvelopeSeal(graph: header.graph, version: version, issued: header.issued,
                                                    expires: header.expires, byteCount: writer.byteCount, digest: writer.digest))
            try db.execute(sql: "UPDATE descriptions SET envelope = ? WHERE id = ?", arguments: [Data(head), id])
        }
        if let publisher = header.publisher { try HeldGraph.raiseHighWaterMark(publisher, to: version, in: db) }
        // Keep the planner's statistics current: without them SQLite picks disastrous join
        // orders for triple self-joins. The limit keeps ANALYZE cheap on big stores.
        try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
        return PublishOutcome(graph: header.graph, version: version, quadCount: writer.quadCount,
                              replaced: held?.descriptionID != nil)
    }

    /// Removes an unsigned description and every graph it owns. Returns false when there was
    /// none. A signed description is only retracted by its publisher (`retract(_:by:)`, or a
    /// received retraction), so that the retraction can travel.
    @discardableResult
    public func retract(graph: String) throws -> Bool {
        try database.write { db in
            guard let held = try HeldGraph.find(graph, in: db), let id = held.descriptionID else { return false }
            if held.publisher != nil { throw StoreError.graphOwnedByPublisher(graph: graph, publisher: held.publisher) }
            try collectTermsForCollection(db, description: id)
            try removeDescription(db, id: id)
            try collectUnusedTerms(db)
            return true
        }
    }

    func removeDescription(_ db: Database, id: Int64) throws {
        try db.execute(sql: "DELETE FROM quads WHERE g IN (SELECT graph FROM description_graphs WHERE description = ?)",
                       arguments: [id])
        try db.execute(sql: "DELETE FROM description_graphs WHERE description = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM description_chunks WHERE description = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM descriptions WHERE id = ?", arguments: [id])
    }

    /// Remembers the terms a description uses, before its quads go, so the ones nothing else
    /// uses can be dropped afterwards and `stats` keeps counting live terms only.
    func collectTermsForCollection(_ db: Database, description: Int64) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS term_candidates(id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE IF NOT EXISTS graph_candidates(id INTEGER PRIMARY KEY);
            INSERT OR IGNORE INTO graph_candidates SELECT graph FROM description_graphs WHERE description = \(description);
            INSERT OR IGNORE INTO term_candidates SELECT id FROM graph_candidates;
            INSERT OR IGNORE INTO term_candidates SELECT q.s FROM quads q JOIN graph_candidates c ON q.g = c.id;
            INSERT OR IGNORE INTO term_candidates SELECT q.p FROM quads q JOIN graph_candidates c ON q.g = c.id;
            INSERT OR IGNORE INTO term_candidates SELECT q.o FROM quads q JOIN graph_candidates c ON q.g = c.id;
            DELETE FROM graph_candidates;
            """)
    }

    func collectUnusedTerms(_ db: Database) throws {
        // Candidates still in use stay; the rest go, from the keyword index first (TextSearch).
        try db.execute(sql: """
            DELETE FROM temp.term_candidates
            WHERE EXISTS (SELECT 1 FROM quads WHERE s = temp.term_candidates.id)
               OR EXISTS (SELECT 1 FROM quads WHERE p = temp.term_candidates.id)
               OR EXISTS (SELECT 1 FROM quads WHERE o = temp.term_candidates.id)
               OR EXISTS (SELECT 1 FROM quads WHERE g = temp.term_candidates.id);
            """)
        try TextSearch.unindexTerms(listedIn: "temp.term_candidates", db)
        try db.execute(sql: """
            DELETE FROM terms WHERE id IN (SELECT id FROM temp.term_candidates);
            DELETE FROM temp.term_candidates;
            """)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
