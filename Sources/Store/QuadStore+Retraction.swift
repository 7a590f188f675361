import Foundation
import GRDB

extension QuadStore {
    /// Retracts descriptions as the local identity, in one transaction: each description goes
    /// (quads, graphs, verbatim body, unused terms) and a signed retraction takes its place, so
    /// the retraction travels to every peer that has the description.
    ///
    /// Every graph must be a description this identity publishes (or an unsigned one of this
    /// store); otherwise nothing is retracted.
    public func retract(_ graphs: [String], by signer: LocalSigner, issued: Date = Date(),
                        expires: Date? = nil) throws -> [RetractionRecord] {
        try database.write { db in
            var records: [RetractionRecord] = []
            for graph in graphs {
                guard let held = try HeldGraph.find(graph, in: db), let id = held.descriptionID else {
                    throw StoreError.noSuchGraph(graph)
                }
                let version = try HeldGraph.version(for: .local(signer), graph: graph, over: held, in: db)
                try collectTermsForCollection(db, description: id)
                try removeDescription(db, id: id)
                let envelope = try signer.seal(EnvelopeSeal(graph: graph, version: version, issued: issued,
                                                            expires: expires, byteCount: 0, digest: ""))
                let record = RetractionRecord(graph: graph, publisher: signer.publisher, version: version,
                                              issued: issued, expires: expires)
                try insertTombstone(record, envelope: envelope, in: db)
                records.append(record)
            }
            try collectUnusedTerms(db)
            return records
        }
    }

    /// Applies a retraction that arrived from a peer: removes the description it retracts (if
    /// this store has it) and keeps the retraction, also when there was nothing to remove, so an
    /// older version arriving later cannot bring the graph back.
    ///
    /// Throws `graphOwnedByPublisher` or `staleVersion` (and changes nothing) when the graph is
    /// another publisher's or already newer here.
    public func apply(_ retraction: ReceivedRetraction) throws {
        try database.write { db in
            let origin = DescriptionOrigin.received(publisher: retraction.publisher, version: retraction.version,
                                                    envelope: retraction.envelope)
            let held = try HeldGraph.find(retraction.graph, in: db)
            _ = try HeldGraph.version(for: origin, graph: retraction.graph, over: held, in: db)
            if held == nil, let owner = try String.fetchOne(db, sql: """
                SELECT d.graph FROM description_graphs g JOIN terms t ON t.id = g.graph
                JOIN descriptions d ON d.id = g.description WHERE t.kind = 1 AND t.lexical = ?
                """, arguments: [retraction.graph]) {
                // A named graph inside another description is retracted with that description.
                throw StoreError.graphOwnedByAnotherDescription(graph: retraction.graph, owner: owner)
            }
            if let id = held?.descriptionID {
                try collectTermsForCollection(db, description: id)
                try removeDescription(db, id: id)
                try collectUnusedTerms(db)
            }
            let record = RetractionRecord(graph: retraction.graph, publisher: retraction.publisher,
                                          version: retraction.version, issued: retraction.issued, expires: retraction.expires)
            try insertTombstone(record, envelope: retraction.envelope, in: db)
        }
    }

    /// The retractions this store keeps, by graph IRI.
    public func retractions() throws -> [RetractionRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT graph, publisher, version, issued, expires FROM tombstones ORDER BY graph").map { row in
                RetractionRecord(graph: row["graph"], publisher: row["publisher"], version: row["version"],
                                 issued: Self.date(row["issued"]) ?? Date(timeIntervalSince1970: 0),
                                 expires: (row["expires"] as String?).flatMap(Self.date))
            }
        }
    }

    private func insertTombstone(_ record: RetractionRecord, envelope: [UInt8], in db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO tombstones(graph, publisher, version, issued, expires, envelope) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [record.graph, record.publisher, record.version, Self.timestamp(record.issued),
                             record.expires.map(Self.timestamp), Data(envelope)])
        try HeldGraph.raiseHighWaterMark(record.publisher, to: record.version, in: db)
    }
}
