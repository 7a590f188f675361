import Crypto
import Foundation
import GRDB
import Mail
import Store

/// Acts on mail sent to the hub: `subscribe` (then a confirmation round trip), `confirm TOKEN`,
/// `unsubscribe TOKEN`, as a mailing list manager does.
///
/// Each message is one transaction: the subscriber's row, the confirmation in the outbox, and the
/// note that the message was handled (by Message-ID, or the SHA-256 of a message without one),
/// so feeding the same mailbox through twice changes nothing the second time.
public struct MailRequestHandler: Sendable {
    public let store: QuadStore
    public let settings: HubSettings
    /// What a subscription by mail gets; the operator can change it with `rover subscribe`.
    public var cadence = Cadence.daily
    public var limit = 10

    public init(store: QuadStore, settings: HubSettings) {
        self.store = store
        self.settings = settings
    }

    /// Handles one message. Throws (changing nothing) when it is not a mail, or asks to
    /// subscribe with an interest that is not usable, naming the message.
    public func handle(_ raw: RawMail, now: Date = Date()) throws -> RequestOutcome {
        let mail = try ReceivedMail(raw)
        let key = mail.messageID.map { "id:" + $0 } ?? "sha256:" + SHA256.hash(data: raw.data).map { String(format: "%02x", $0) }.joined()
        guard let request = MailRequest(subject: mail.subject ?? "", text: mail.text) else {
            return .ignored(reason: "\(raw.source): the subject is not subscribe, confirm TOKEN or unsubscribe TOKEN")
        }
        var interest: Interest?
        var address = ""
        if case .subscribe(let text) = request {
            guard let sender = mail.from.first else {
                throw HubError.invalidAddress("", reason: "\(raw.source): the request has no From address")
            }
            address = try SubscriberBook.checkedAddress(sender.address)
            do {
                interest = try Interest(text)
            } catch {
                throw HubError.invalidInterest("\(raw.source): \(error)")
            }
        }
        return try store.writeSQL { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM handled_requests WHERE message_key = ?", arguments: [key]) == 0 else {
                return .alreadyHandled
            }
            let outcome: RequestOutcome
            switch request {
            case .subscribe:
                outcome = try subscribe(address, interest: interest!, now: now, in: db)
            case .confirm(let token):
                guard let subscriber = try SubscriberBook.find(token: token, in: db), subscriber.status == .pending else {
                    return .ignored(reason: "\(raw.source): no pending subscription has this token")
                }
                try SubscriberBook.activate(subscriber, in: db)
                outcome = .confirmed(address: subscriber.address)
            case .unsubscribe(let token):
                guard let subscriber = try SubscriberBook.find(token: token, in: db), subscriber.status != .unsubscribed else {
                    return .ignored(reason: "\(raw.source): no subscription has this token")
                }
                _ = try SubscriberBook.end(subscriber, in: db)
                outcome = .unsubscribed(address: subscriber.address)
            }
            try db.execute(sql: "INSERT INTO handled_requests(message_key, handled) VALUES (?, ?)", arguments: [key, HubTime.format(now)])
            return outcome
        }
    }

    private func subscribe(_ address: String, interest: Interest, now: Date, in db: Database) throws -> RequestOutcome {
        guard let subscriber = try SubscriberBook.request(address: address, interest: interest, cadence: cadence, limit: limit,
                                                          now: now, in: db) else {
            return .alreadySubscribed(address: address)
        }
        let message = try ConfirmationMail(settings: settings).message(for: subscriber, now: now)
        _ = try Outbox.enqueue(message, subscriber: subscriber.id, period: "confirm " + subscriber.token, now: now, in: db)
        return .confirmationQueued(address: address)
    }
}
