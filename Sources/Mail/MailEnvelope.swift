/// Who a message is handed over for: the SMTP `MAIL FROM` and `RCPT TO` (or sendmail's `-f` and
/// recipient arguments). Separate from the headers, as in SMTP itself, so that an outbox can keep
/// the rendered bytes and the envelope and retry them without rebuilding the message.
public struct MailEnvelope: Sendable, Hashable {
    public let sender: MailAddress
    public let recipients: [MailAddress]

    public init(sender: MailAddress, recipients: [MailAddress]) {
        self.sender = sender
        self.recipients = recipients
    }
}
