/// Why an envelope was refused, naming the line of the head where that is the problem.
public struct EnvelopeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The head breaks the format: a field missing, misspelt, out of order or malformed.
        case malformed
        /// The bytes end before the head or the body does.
        case truncated
        /// Over a size limit (the head's 16 KiB, or the receiver's envelope limit).
        case tooLarge
        /// More bytes follow the body than `length` says.
        case trailingBytes
        /// The body's SHA-256 is not the one in the head.
        case digestMismatch
        /// The signature is not the publisher's over the head.
        case badSignature
    }

    public var kind: Kind
    /// The 1-based line of the head, when the problem is on one line.
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "envelope: line \(line): \(message)" }
        return "envelope: \(message)"
    }
}
