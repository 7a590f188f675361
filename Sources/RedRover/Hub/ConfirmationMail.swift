import Foundation
import Mail

/// The mail that asks a new subscriber to confirm: its subject is `confirm TOKEN`, so replying
/// (which makes it "Re: confirm TOKEN") is all it takes, in any mail client.
struct ConfirmationMail: Sendable {
    let settings: HubSettings

    func message(for subscriber: Subscriber, now: Date) throws -> MailMessage {
        var lines = ["Hello,", ""]
        lines += TextWrap.wrap("someone, probably you, asked \(settings.name) to mail hints to this address about:")
        lines.append("")
        lines += TextWrap.wrap(subscriber.interest.text, firstPrefix: "   ", prefix: "   ")
        lines.append("")
        lines += TextWrap.wrap("""
            To confirm, reply to this mail without changing its subject, or send a mail to \
            \(settings.address.address) with this subject:
            """)
        lines.append("   confirm \(subscriber.token)")
        lines.append("")
        lines += TextWrap.wrap("If you did not ask for this, ignore this mail: nothing more will be sent.")
        return MailMessage(
            from: settings.address, to: [try MailAddress(subscriber.address)],
            subject: "confirm \(subscriber.token)", body: lines.joined(separator: "\n") + "\n", date: now,
            headers: [MailHeader("List-Id", settings.listID), MailHeader("Auto-Submitted", "auto-replied")])
    }
}
