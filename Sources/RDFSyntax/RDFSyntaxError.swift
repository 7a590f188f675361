/// Why a document could not be read, with where when it is known.
///
/// The description reads like a compiler diagnostic (`file:line:column: message`) so editors and
/// people can jump straight to the spot.
public struct RDFSyntaxError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The document is not valid in its syntax.
        case syntax
        /// The bytes are not UTF-8 where the syntax requires it.
        case encoding
        /// The document is bigger than the configured limit.
        case tooLarge
        /// The file could not be opened or read.
        case io
        /// No syntax was given and none could be recognised.
        case unknownSyntax
    }

    public var kind: Kind
    public var message: String
    /// The file name or other label of the source (`-` for standard input).
    public var source: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?

    public init(_ kind: Kind, _ message: String, source: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.source = source
        self.line = line
        self.column = column
    }

    public var description: String {
        var place = source
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}
