/// A query that is not SPARQL 1.1: what is wrong and where (1-based line and column, counted in
/// Unicode scalars of the text as written, before `\u` escapes are decoded).
public struct SPARQLSyntaxError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
