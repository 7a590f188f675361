import Foundation
import RDF
import Store

/// Runs SPARQL queries over a `QuadStore`.
///
/// Solutions are rows of term ids (the store's ids, or query-local ids for terms a query computes),
/// so joins compare integers and terms are decoded only for expressions and output.
public struct QueryEngine: Sendable {
    public let store: QuadStore
    public var options: QueryOptions
    /// What earlier queries learnt about the store, reused while it is unchanged.
    public let cache = QueryCache()

    public init(store: QuadStore, options: QueryOptions = QueryOptions()) {
        self.store = store
        self.options = options
    }

    /// Answers `query`. `dataset` (from a protocol request or the command line) replaces the
    /// query's own FROM / FROM NAMED when given.
    public func execute(_ query: Query, dataset: QueryDataset? = nil) throws -> QueryResult {
        try run(query, dataset: dataset).result
    }

    /// Answers and describes how: the join order, indexes and row counts of every pattern.
    public func explain(_ query: Query, dataset: QueryDataset? = nil) throws -> (result: QueryResult, plan: String) {
        let (result, evaluation) = try run(query, dataset: dataset, explaining: true)
        return (result, evaluation.explanation.joined(separator: "\n"))
    }

    private func run(_ query: Query, dataset: QueryDataset?, explaining: Bool = false) throws -> (result: QueryResult, evaluation: Evaluation) {
        let effective = dataset ?? (query.defaultGraphs != nil || query.namedGraphs != nil
            ? QueryDataset(defaultGraphs: query.defaultGraphs ?? [], namedGraphs: query.namedGraphs ?? [])
            : .wholeStore)
        return try store.read { snapshot in
            // The token is read first: it starts the read transaction, so it names the state read.
            let knowledge = cache.checkOut(try snapshot.changeToken())
            snapshot.estimates = knowledge.estimates
            defer {
                knowledge.estimates = snapshot.estimates
                cache.checkIn(knowledge)
            }
            let evaluation = try Evaluation(snapshot: snapshot, query: query, dataset: effective, options: options,
                                            knowledge: knowledge, explaining: explaining)
            return (try evaluation.answer(), evaluation)
        }
    }
}
