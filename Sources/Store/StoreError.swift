/// Why the store refused an operation. Nothing was changed when one of these is thrown.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A named graph in the document already belongs to another description.
    case graphOwnedByAnotherDescription(graph: String, owner: String)
    /// The graph is held (as a description or a retraction) by another publisher; `publisher`
    /// is nil when it is an unsigned description of this store, which only the store's own
    /// identity may take over.
    case graphOwnedByPublisher(graph: String, publisher: String?)
    /// The graph is already held at `held`, and `offered` is not newer.
    case staleVersion(graph: String, held: Int, offered: Int)
    /// No description or graph with that name.
    case noSuchGraph(String)
    /// The database file is not a Grapevine store, or is from a newer Grapevine.
    case incompatibleDatabase(String)

    public var description: String {
        switch self {
        case .graphOwnedByAnotherDescription(let graph, let owner):
            "graph <\(graph)> belongs to the description <\(owner)>; retract that one first or choose another graph name"
        case .graphOwnedByPublisher(let graph, let publisher?):
            "graph <\(graph)> belongs to publisher \(publisher); only that publisher can replace or retract it"
        case .graphOwnedByPublisher(let graph, nil):
            "graph <\(graph)> is an unsigned description of this store; only this store's own identity can replace or retract it"
        case .staleVersion(let graph, let held, let offered):
            "graph <\(graph)> is already at version \(held); version \(offered) is not newer"
        case .noSuchGraph(let graph):
            "no description or graph named <\(graph)> in the store"
        case .incompatibleDatabase(let reason):
            reason
        }
    }
}
