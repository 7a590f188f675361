/// Why the store refused an operation. Nothing was changed when one of these is thrown.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A named graph in the document already belongs to another description.
    case graphOwnedByAnotherDescription(graph: String, owner: String)
    /// No description or graph with that name.
    case noSuchGraph(String)
    /// The database file is not a Grapevine store, or is from a newer Grapevine.
    case incompatibleDatabase(String)

    public var description: String {
        switch self {
        case .graphOwnedByAnotherDescription(let graph, let owner):
            "graph <\(graph)> belongs to the description <\(owner)>; retract that one first or choose another graph name"
        case .noSuchGraph(let graph):
            "no description or graph named <\(graph)> in the store"
        case .incompatibleDatabase(let reason):
            reason
        }
    }
}
