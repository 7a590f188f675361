import Foundation

/// Bounds every query: a time limit and a cap on solutions held at any step.
public struct QueryOptions: Sendable {
    /// Seconds before the query is stopped.
    public var timeout: Double
    /// Solutions any one step may hold; a cross product of a big store stops here, not in swap.
    public var maxResults: Int

    public init(timeout: Double = 30, maxResults: Int = 1_000_000) {
        self.timeout = timeout
        self.maxResults = maxResults
    }
}

/// The RDF dataset a query runs over (SPARQL 1.1 §13), by graph IRI.
public struct QueryDataset: Sendable, Equatable {
    /// Graphs merged into the default graph; nil means every graph in the store (the union).
    public var defaultGraphs: [String]?
    /// Graphs GRAPH can see; nil means every graph in the store.
    public var namedGraphs: [String]?

    public init(defaultGraphs: [String]? = nil, namedGraphs: [String]? = nil) {
        self.defaultGraphs = defaultGraphs
        self.namedGraphs = namedGraphs
    }

    /// The whole store: the default graph is the union of every description.
    public static let wholeStore = QueryDataset()
}
