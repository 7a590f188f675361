/// Why results could not be written or read.
public struct ResultFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The format cannot carry this kind of result (a graph as CSV, solutions as Turtle…).
        case unsupported
        /// A result document is not valid in its format.
        case malformed
        /// A writer was driven out of order (a solution before `begin`, anything after `finish`).
        case misuse
    }

    public var kind: Kind
    public var message: String
    /// 1-based line in the document read, when known.
    public var line: Int?

    public init(_ kind: Kind, _ message: String, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { "line \(line): \(message)" } else { message }
    }

    static func unsupported(_ kind: ResultKind, in format: ResultFormat) -> ResultFormatError {
        ResultFormatError(.unsupported, "the \(format.rawValue) format cannot hold \(kind.rawValue) results")
    }
}
