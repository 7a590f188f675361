import GRDB

/// What the store holds under a graph name (a description or a retraction), and the rules for
/// writing over it, checked inside the write transaction that then does the write.
struct HeldGraph {
    /// The description's row id; nil when the graph is held by a retraction.
    var descriptionID: Int64?
    var publisher: String?
    var version: Int

    static func find(_ graph: String, in db: Database) throws -> HeldGraph? {
        if let row = try Row.fetchOne(db, sql: "SELECT id, publisher, version FROM descriptions WHERE graph = ?", arguments: [graph]) {
            return HeldGraph(descriptionID: row["id"], publisher: row["publisher"], version: row["version"])
        }
        if let row = try Row.fetchOne(db, sql: "SELECT publisher, version FROM tombstones WHERE graph = ?", arguments: [graph]) {
            return HeldGraph(descriptionID: nil, publisher: row["publisher"], version: row["version"])
        }
        return nil
    }

    /// The version a write by `origin` to `graph` takes, or why it may not write there.
    ///
    /// - A graph held by a publisher is only ever written by that publisher; an unsigned
    ///   description only by another unsigned write or by the local identity.
    /// - A received envelope must be newer than what is held.
    /// - The local identity numbers per publisher: one past both its own high-water mark and the
    ///   version held for the graph, so every write it makes is news to every partner's digest.
    static func version(for origin: DescriptionOrigin, graph: String, over held: HeldGraph?, in db: Database) throws -> Int {
        switch origin {
        case .unsigned:
            if let held, held.publisher != nil { throw StoreError.graphOwnedByPublisher(graph: graph, publisher: held.publisher) }
            return (held?.version ?? 0) + 1
        case .local(let signer):
            if let held, let owner = held.publisher, owner != signer.publisher {
                throw StoreError.graphOwnedByPublisher(graph: graph, publisher: owner)
            }
            return max(try highWaterMark(signer.publisher, in: db), held?.version ?? 0) + 1
        case .received(let publisher, let version, _):
            if let held {
                guard held.publisher == publisher else { throw StoreError.graphOwnedByPublisher(graph: graph, publisher: held.publisher) }
                guard version > held.version else { throw StoreError.staleVersion(graph: graph, held: held.version, offered: version) }
            }
            return version
        }
    }

    static func highWaterMark(_ publisher: String, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT version FROM publisher_versions WHERE publisher = ?", arguments: [publisher]) ?? 0
    }

    /// Records that `publisher` has reached `version` (never lowers the mark).
    static func raiseHighWaterMark(_ publisher: String, to version: Int, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO publisher_versions(publisher, version) VALUES (?, ?)
            ON CONFLICT(publisher) DO UPDATE SET version = max(version, excluded.version)
            """, arguments: [publisher, version])
    }
}
