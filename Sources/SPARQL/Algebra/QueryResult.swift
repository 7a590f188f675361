import RDF

/// Solutions in a table: `rows[i][j]` is the value of `variables[j]` in solution `i` (nil: unbound).
public struct SolutionTable: Sendable, Equatable {
    public var variables: [Variable]
    public var rows: [[Term?]]

    public init(variables: [Variable], rows: [[Term?]]) {
        self.variables = variables
        self.rows = rows
    }
}

/// What a query answers: solutions (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE).
public enum QueryResult: Sendable, Equatable {
    case solutions(SolutionTable)
    case boolean(Bool)
    case graph([Triple])
}
