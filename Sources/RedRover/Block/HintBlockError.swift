/// Why a hints block was refused (or could not be made).
///
/// The description says what is wrong in the block's own terms (a base64 line and column, an
/// envelope line, a hint's URL); the receiving side adds which message it was in.
public struct HintBlockError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The text has no `-----BEGIN GRAPEVINE HINTS-----` line.
        case missing
        /// The armor is broken: no END line, a character outside base64, bad padding.
        case armor
        /// The bytes are not an intact envelope (damaged head, wrong length, digest mismatch).
        case envelope
        /// The signature is not the hub's.
        case signature
        /// Signed by a hub that is not on the trusted list.
        case untrusted
        /// A valid envelope that is not a hints block (another graph, another syntax, a retraction).
        case notHints
        /// The hints themselves break the format (a location without URL, a second title…).
        case content
        /// The hub's side: the hints cannot be put into a block.
        case unsignable
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
