import Foundation

/// A short plain-text mail to be sent: the standard headers, a few extra ones and a UTF-8 body.
///
/// Red Rover mail must read well in any client, so there is exactly one `text/plain; charset=utf-8`
/// part and no attachments; `rendered()` turns it into RFC 5322 bytes with GMime.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var date: Date
    /// Without the angle brackets: `random@domain`.
    public var messageID: String
    /// Further header fields, in order: `List-Unsubscribe`, `List-Unsubscribe-Post`, `List-Id`,
    /// `Auto-Submitted`… They may not replace the fields the message writes itself.
    public var headers: [MailHeader]
    public var body: String

    /// `messageID` defaults to a fresh `random@domain-of-from`.
    public init(from: MailAddress, to: [MailAddress], subject: String, body: String, date: Date = Date(),
                messageID: String? = nil, headers: [MailHeader] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID ?? Self.newMessageID(domain: from.domain)
        self.headers = headers
    }

    /// 128 random bits in hex at the sender's domain: unique without any state to keep, and it
    /// tells nothing about the sending machine or the time.
    public static func newMessageID(domain: String) -> String {
        // Hex digits by hand: `String(format:)` sixteen times cost more than the rest of a hub's mail.
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for _ in 0..<2 {
            let random = generator.next()
            for shift in stride(from: 60, through: 0, by: -4) { hex.append(digits[Int(random >> UInt64(shift) & 0xF)]) }
        }
        return String(decoding: hex, as: UTF8.self) + "@" + domain
    }

    /// The envelope that delivers this message to its `to` addresses, from its `from` address.
    public var envelope: MailEnvelope {
        MailEnvelope(sender: from, recipients: to)
    }
}
