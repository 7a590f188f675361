import RDF

/// Everything the store says about one node, for its own page: each statement with the graphs
/// that make it, blank-node objects (locations) expanded in place, and what refers to it.
struct ResourceDescription: Sendable {
    /// One predicate–object pair about the node.
    struct Statement: Sendable {
        var predicate: Term
        var object: Term
        /// The named graphs (descriptions) that state it.
        var graphs: [Term]
        /// When the object is a blank node: the statements about it.
        var nested: [Statement] = []
    }

    /// A statement elsewhere whose object is this node.
    struct Reference: Sendable {
        var subject: Term
        var predicate: Term
        /// A label for the subject (its title or name), if it has one.
        var label: String?
    }

    var node: Term
    var label: String?
    /// Present when the node is a `gv:Resource`: the same summary a search result shows.
    var summary: ResourceSummary?
    var statements: [Statement] = []
    var references: [Reference] = []
    /// True when there were more references than `references` holds.
    var moreReferences = false

    init(node: Term) { self.node = node }

    /// The graphs any statement comes from, in order.
    var graphs: [Term] {
        var seen = Set<Term>()
        return statements.flatMap(\.graphs).filter { seen.insert($0).inserted }
    }
}
