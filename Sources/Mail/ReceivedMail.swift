import Foundation

/// A mail as read back: its headers (decoded) and its text.
///
/// `textParts` holds every readable text/plain body in the message, in order: through
/// multipart/mixed and multipart/alternative (the plain twin, never the HTML one) and into
/// forwarded message/rfc822 parts, with the transfer encoding undone and the charset converted to
/// UTF-8. A forwarding client's note, the forwarded original and a list footer are then separate
/// entries, and whatever scans the mail (for a signed block, say) looks at all of them.
public struct ReceivedMail: Sendable {
    /// Where the message came from, as errors name it ("message 3 in inbox.mbox").
    public let source: String
    /// The top-level header fields in order, unfolded, RFC 2047 words decoded.
    public let headers: [MailHeader]
    public let subject: String?
    public let from: [MailAddress]
    public let to: [MailAddress]
    public let date: Date?
    /// Without angle brackets.
    public let messageID: String?
    /// Each text/plain body, line ends normalized to LF.
    public let textParts: [String]

    /// All text parts, one after the other.
    public var text: String {
        textParts.joined(separator: "\n")
    }

    /// The first header field of that name (case-insensitive), decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
