/// Why a message could not be built, parsed or read, or why a delivery set-up is unusable.
///
/// The description always starts with what the error is about — "message 3 in inbox.mbox",
/// "standard input", an address, a file — because a subscriber importing a whole mailbox needs to
/// know which mail to look at.
public struct MailError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An address that cannot go into a header or an SMTP envelope.
        case invalidAddress
        /// A header name or value that cannot be written (or one the message sets itself).
        case invalidHeader
        /// Over the size limit.
        case tooLarge
        /// Not a mail message (or not a mailbox) at all.
        case malformed
        /// A message without a text/plain part to read.
        case noText
        /// A file or folder that cannot be read.
        case unreadable
        /// A delivery set-up that cannot work (a bad SMTP URL, say).
        case invalidConfiguration
    }

    public let kind: Kind
    /// What the error is about, e.g. "message 3 in /var/mail/ann".
    public let source: String
    public let reason: String

    public init(_ kind: Kind, source: String, reason: String) {
        self.kind = kind
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}
