import Foundation
import Mail
import RedRover
import Testing

@Suite("Red Rover hub: subscribing and unsubscribing by mail")
struct HubInboxTests {
    static let ann = try! MailAddress("ann@reader.example.net", name: "Ann Lee")

    /// Real message bytes, as a mail client would send them to the hub.
    static func mail(from: MailAddress = ann, subject: String, body: String = "", messageID: String? = nil) throws -> RawMail {
        let message = MailMessage(from: from, to: [try MailAddress("hub@hints.example.org")], subject: subject, body: body,
                                  date: HubFixture.now, messageID: messageID)
        return RawMail(source: "message from \(from.address)", data: try message.rendered())
    }

    @Test("subscribe → confirmation mail → reply → hints with List-Unsubscribe → unsubscribe")
    func roundTrip() throws {
        let hub = try HubFixture()
        try hub.publish(HubFixture.catalogue(resources: 10, locationsEach: 1))
        let handler = MailRequestHandler(store: hub.store, settings: hub.settings)

        let request = try Self.mail(subject: "subscribe", body: "\n  jazz\nsent from my phone\n")
        #expect(try handler.handle(request, now: HubFixture.now) == .confirmationQueued(address: "ann@reader.example.net"))
        let pending = try #require(try hub.book.subscriber("ann@reader.example.net"))
        #expect(pending.status == .pending)
        #expect(pending.interest == (try Interest("jazz")))
        // Nothing is mailed to a pending subscriber but the confirmation.
        #expect(try hub.run.queueDue(now: HubFixture.now, seed: 1).due == 0)
        // The same message read again (a mailbox read twice) changes nothing.
        #expect(try handler.handle(request, now: HubFixture.now) == .alreadyHandled)
        #expect(try hub.outbox.entries([.queued]).count == 1)

        let confirmationEntry = try #require(try hub.outbox.entries([.queued]).first)
        let confirmation = try ReceivedMail(data: try #require(try hub.outbox.bytes(of: confirmationEntry.id)), source: "confirmation")
        #expect(confirmation.to.map(\.address) == ["ann@reader.example.net"])
        #expect(confirmation.subject == "confirm \(pending.token)")
        #expect(confirmation.text.contains("confirm \(pending.token)"))

        let reply = try Self.mail(subject: "Re: " + (confirmation.subject ?? ""), body: "> quoted text")
        #expect(try handler.handle(reply, now: HubFixture.now) == .confirmed(address: "ann@reader.example.net"))
        #expect(try hub.book.subscriber("ann@reader.example.net")?.status == .active)

        let digests = try hub.run.queueDue(now: HubFixture.now, seed: 1)
        #expect(digests.digests.count == 1)
        #expect(digests.digests[0].hints.count == 2) // resources 0 and 5 are about jazz
        let hintsEntry = try #require(try hub.outbox.entries([.queued]).last)
        let hints = try ReceivedMail(data: try #require(try hub.outbox.bytes(of: hintsEntry.id)), source: "hints")
        let unsubscribe = try #require(hints.header("List-Unsubscribe"))
        let url = try #require(URLComponents(string: String(unsubscribe.dropFirst().dropLast())))
        #expect(url.scheme == "mailto" && url.path == "hub@hints.example.org")
        let subject = try #require(url.queryItems?.first { $0.name == "subject" }?.value)

        #expect(try handler.handle(try Self.mail(subject: subject), now: HubFixture.now) == .unsubscribed(address: "ann@reader.example.net"))
        #expect(try hub.book.subscriber("ann@reader.example.net")?.status == .unsubscribed)
        // Its digest, still queued, is withdrawn (with the confirmation, which nobody sent yet).
        #expect(try hub.outbox.entries([.failed]).map(\.id).contains(hintsEntry.id))
        #expect(try hub.outbox.entries([.queued]).isEmpty)
    }

    @Test("a request for an address already subscribed cannot suspend it")
    func forgedRequest() throws {
        let hub = try HubFixture()
        try hub.book.subscribe("ann@reader.example.net", interest: Interest("jazz"))
        let handler = MailRequestHandler(store: hub.store, settings: hub.settings)
        #expect(try handler.handle(try Self.mail(subject: "subscribe", body: "folk"), now: HubFixture.now)
                == .alreadySubscribed(address: "ann@reader.example.net"))
        let subscriber = try #require(try hub.book.subscriber("ann@reader.example.net"))
        #expect(subscriber.status == .active)
        #expect(subscriber.interest.text == "jazz")
        #expect(try hub.outbox.entries([.queued]).isEmpty)
    }

    @Test("a bad interest, an unknown token or garbage changes nothing")
    func refusals() throws {
        let hub = try HubFixture()
        let handler = MailRequestHandler(store: hub.store, settings: hub.settings)
        #expect(throws: HubError.self) {
            try handler.handle(try Self.mail(subject: "subscribe", body: "{ ?resource a gv:Resource"), now: HubFixture.now)
        }
        #expect(try hub.book.list().isEmpty)
        let unknown = try handler.handle(try Self.mail(subject: "confirm " + String(repeating: "ab", count: 16)), now: HubFixture.now)
        #expect(unknown != .confirmed(address: "ann@reader.example.net"))
        if case .ignored = unknown {} else { Issue.record("an unknown token should be ignored, not \(unknown)") }
        if case .ignored = try handler.handle(try Self.mail(subject: "hello there"), now: HubFixture.now) {} else {
            Issue.record("a mail that is no request should be ignored")
        }
        #expect(throws: MailError.self) {
            try handler.handle(RawMail(source: "junk", data: Data("no headers here at all".utf8)), now: HubFixture.now)
        }
        #expect(try hub.book.list().isEmpty)
        #expect(try hub.outbox.entries([.queued, .failed, .sent]).isEmpty)
    }
}
