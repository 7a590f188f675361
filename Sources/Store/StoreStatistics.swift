/// Sizes of a store, as `grapevine stats` prints them.
public struct StoreStatistics: Sendable, Codable, Equatable {
    public var path: String
    /// Published descriptions (one signed document each).
    public var descriptions: Int
    /// Named graphs: each description's own graph plus any graphs its document declared.
    public var graphs: Int
    public var quads: Int
    /// Distinct terms in the dictionary.
    public var terms: Int
    /// Bytes on disk: the database file and its write-ahead log.
    public var databaseBytes: Int
}
