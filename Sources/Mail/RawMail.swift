import Foundation

/// One message's bytes as read from a mailbox or standard input, with a name for errors
/// ("message 3 in /var/mail/ann", "/home/ann/Maildir/new/1700000000.M1P2.host", "standard input").
public struct RawMail: Sendable {
    /// What errors about this message call it.
    public let source: String
    public let data: Data

    /// Larger messages are refused: a hint mail is a few kilobytes, and even a forwarded one with
    /// its quoting and footers stays far below this.
    public static let defaultSizeLimit = 16 << 20

    public init(source: String, data: Data) {
        self.source = source
        self.data = data
    }

    /// One message on standard input (as a mail filter such as procmail or a `.forward` pipe
    /// delivers it), read to its end. Throws `.tooLarge` past `sizeLimit` bytes without reading on.
    public static func standardInput(sizeLimit: Int = defaultSizeLimit) throws -> RawMail {
        try read(FileHandle.standardInput, source: "standard input", sizeLimit: sizeLimit)
    }

    /// Reads `handle` to its end, or throws once more than `sizeLimit` bytes have come.
    static func read(_ handle: FileHandle, source: String, sizeLimit: Int) throws -> RawMail {
        var data = Data()
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 64 << 10) ?? Data()
            } catch {
                throw MailError(.unreadable, source: source, reason: "cannot read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            data += chunk
            if data.count > sizeLimit {
                throw MailError(.tooLarge, source: source, reason: "more than the limit of \(sizeLimit) bytes")
            }
        }
        return RawMail(source: source, data: data)
    }
}
