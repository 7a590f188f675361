import GRDB

/// Publishes and removes unsigned descriptions inside a write transaction that also runs SQL of
/// its own (`QuadStore.writeSQLWithDescriptions`).
///
/// Red Rover's subscriber side keeps the hints it received in a table and shows them to queries
/// as a description rebuilt from that table; both must change in one transaction, or a failure
/// between them would leave the table and the graph disagreeing.
public struct DescriptionEditor {
    let store: QuadStore
    let db: Database

    /// Publishes (or replaces) a description, as `QuadStore.publish` does, in this transaction.
    @discardableResult
    public func publish(_ pending: PendingDescription) throws -> PublishOutcome {
        try store.publish(pending, in: db)
    }

    /// Removes the unsigned description of `graph` and its quads; false when there is none.
    /// A signed description is refused, as `QuadStore.retract(graph:)` refuses it.
    @discardableResult
    public func remove(graph: String) throws -> Bool {
        guard let held = try HeldGraph.find(graph, in: db), let id = held.descriptionID else { return false }
        if held.publisher != nil { throw StoreError.graphOwnedByPublisher(graph: graph, publisher: held.publisher) }
        try store.collectTermsForCollection(db, description: id)
        try store.removeDescription(db, id: id)
        try store.collectUnusedTerms(db)
        return true
    }
}

extension QuadStore {
    /// Runs `body` in one write transaction, with the connection for SQL of its own and an
    /// editor for descriptions: all of it commits, or (when `body` throws) none of it.
    public func writeSQLWithDescriptions<T>(_ body: (Database, DescriptionEditor) throws -> T) throws -> T {
        try database.write { db in try body(db, DescriptionEditor(store: self, db: db)) }
    }
}
