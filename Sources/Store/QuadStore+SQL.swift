import GRDB

extension QuadStore {
    /// Runs `body` in a write transaction on the store's own connection, for modules above the
    /// store that keep tables of their own in the same file (Red Rover's subscribers, exposure
    /// log and outbox): their rows then commit together, or not at all, in one SQLite file with
    /// one writer. Throwing from `body` rolls the transaction back.
    public func writeSQL<T>(_ body: (Database) throws -> T) throws -> T {
        try database.write(body)
    }

    /// Runs `body` in a read transaction: a consistent view of those tables.
    public func readSQL<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }
}
