/// A triple: the unit of an RDF graph.
public struct Triple: Hashable, Sendable {
    public var subject: Term
    public var predicate: Term
    public var object: Term

    public init(_ subject: Term, _ predicate: Term, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}

/// A triple in a graph. `graph == nil` is the default graph of the document it came from.
public struct Quad: Hashable, Sendable {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    public var graph: Term?

    public init(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    public init(_ triple: Triple, graph: Term? = nil) {
        self.init(triple.subject, triple.predicate, triple.object, graph: graph)
    }

    public var triple: Triple { Triple(subject, predicate, object) }
}

extension Triple: CustomStringConvertible {
    public var description: String { "\(subject) \(predicate) \(object) ." }
}

extension Quad: CustomStringConvertible {
    public var description: String {
        if let graph { "\(subject) \(predicate) \(object) \(graph) ." } else { "\(subject) \(predicate) \(object) ." }
    }
}
