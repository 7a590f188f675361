import Foundation
import Mail
import Publishing

/// Builds a subscriber's hints mail: the readable list, the block signed with the hub's
/// identity, and the headers a mailing list sends (List-Id, List-Unsubscribe).
struct HintMailComposer: Sendable {
    let settings: HubSettings
    let identity: PeerIdentity

    /// The mail telling `subscriber` about `hints`, dated `now`.
    func message(for subscriber: Subscriber, hints: [Hint], now: Date) throws -> MailMessage {
        let block = try HintBlock.sign(hints, issued: now, by: identity)
        let text = HintMailText(hints: hints, hubName: settings.name, hubAddress: settings.address.address,
                                token: subscriber.token, block: block.armored)
        let count = hints.count == 1 ? "1 new hint" : "\(hints.count) new hints"
        return MailMessage(
            from: settings.address, to: [try MailAddress(subscriber.address)],
            subject: "\(count) from \(settings.name)", body: text.text, date: now,
            headers: [
                MailHeader("List-Id", settings.listID),
                MailHeader("List-Unsubscribe", "<\(settings.unsubscribeURL(token: subscriber.token))>"),
                MailHeader("Auto-Submitted", "auto-generated"),
            ])
    }
}
