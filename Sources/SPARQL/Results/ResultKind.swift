/// The three shapes a query answer takes, as formats and content negotiation see them.
public enum ResultKind: String, Sendable, CaseIterable {
    /// SELECT: a sequence of solutions.
    case solutions
    /// ASK: true or false.
    case boolean
    /// CONSTRUCT and DESCRIBE: RDF triples.
    case graph
}

extension QueryResult {
    /// Which kind of answer this is.
    public var kind: ResultKind {
        switch self {
        case .solutions: .solutions
        case .boolean: .boolean
        case .graph: .graph
        }
    }
}
