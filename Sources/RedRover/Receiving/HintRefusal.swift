/// Why a message's hints were not imported, naming the message ("message 3 in inbox.mbox", a
/// Maildir file, "standard input") and, when it has one, its Message-ID. Nothing of that message
/// was written.
public struct HintRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var messageID: String?
    public var reason: String
    /// What kind of block problem it was, when it was one.
    public var kind: HintBlockError.Kind?

    public init(source: String, messageID: String? = nil, reason: String, kind: HintBlockError.Kind? = nil) {
        self.source = source
        self.messageID = messageID
        self.reason = reason
        self.kind = kind
    }

    public var description: String {
        let id = messageID.map { " (Message-ID <\($0)>)" } ?? ""
        return "\(source)\(id): \(reason)"
    }
}
