import Foundation
import Mail
@testable import RedRover
import Testing

@Suite("Red Rover hub: outbox and delivery through a real SMTP server", .serialized)
struct HubOutboxTests {
    /// A hub with three subscribers, each due a digest.
    static func hubWithDigests() throws -> HubFixture {
        let hub = try HubFixture()
        try hub.publish(HubFixture.catalogue(resources: 12, locationsEach: 1))
        try hub.subscribe(3, limit: 4)
        #expect(try hub.run.queueDue(now: HubFixture.now, seed: 4).digests.count == 3)
        return hub
    }

    @Test("queued digests are delivered once each, and a second drain sends nothing")
    func delivery() async throws {
        let hub = try Self.hubWithDigests()
        let server = try HubSMTPServer()
        let smtp = try SMTPDelivery(url: server.url, timeout: .seconds(20))
        let report = try await hub.outbox.drain(through: smtp, now: HubFixture.now)
        #expect(report.sent == 3)
        #expect(report.deferred.isEmpty && report.failed.isEmpty)
        let again = try await hub.outbox.drain(through: smtp, now: HubFixture.now, ignoringBackOff: true)
        #expect(again.sent == 0)
        let files = try server.delivered()
        #expect(files.count == 3)
        let recipients = try files.map { try ReceivedMail(data: Data(contentsOf: URL(fileURLWithPath: $0)), source: $0).to.map(\.address) }
        #expect(Set(recipients.flatMap { $0 }) == ["reader-0@example.net", "reader-1@example.net", "reader-2@example.net"])
        #expect(try hub.outbox.entries([.sent]).count == 3)
        #expect(try hub.outbox.entries([.queued, .failed]).isEmpty)
    }

    @Test("with the server down mail stays queued with back-off; when it is back the queue drains once")
    func serverDownThenBack() async throws {
        let hub = try Self.hubWithDigests()
        let server = try HubSMTPServer()
        server.stop()
        let smtp = try SMTPDelivery(url: server.url, timeout: .seconds(10))

        let down = try await hub.outbox.drain(through: smtp, now: HubFixture.now)
        #expect(down.sent == 0)
        #expect(down.deferred.count == 3)
        let queued = try hub.outbox.entries([.queued])
        #expect(queued.count == 3)
        #expect(queued.allSatisfy { $0.attempts == 1 && $0.nextAttempt == HubFixture.now.addingTimeInterval(30) && $0.lastError != nil })

        // Within the back-off nothing is tried; a rerun of the digests queues nothing more.
        let waiting = try await hub.outbox.drain(through: smtp, now: HubFixture.now.addingTimeInterval(10))
        #expect(waiting.sent == 0 && waiting.deferred.isEmpty)
        #expect(try hub.run.queueDue(now: HubFixture.now.addingTimeInterval(10), seed: 4).digests.isEmpty)

        // Still down after the wait: the second attempt doubles the back-off.
        let stillDown = try await hub.outbox.drain(through: smtp, now: HubFixture.now.addingTimeInterval(31))
        #expect(stillDown.deferred.count == 3)
        #expect(try hub.outbox.entries([.queued]).allSatisfy {
            $0.attempts == 2 && $0.nextAttempt == HubFixture.now.addingTimeInterval(31 + 60)
        })

        try server.start()
        let back = try await hub.outbox.drain(through: smtp, now: HubFixture.now.addingTimeInterval(100))
        #expect(back.sent == 3)
        let after = try await hub.outbox.drain(through: smtp, now: HubFixture.now.addingTimeInterval(200), ignoringBackOff: true)
        #expect(after.sent == 0)
        let recipients = try server.delivered().map {
            try ReceivedMail(data: Data(contentsOf: URL(fileURLWithPath: $0)), source: $0).to.map(\.address)
        }
        #expect(recipients.count == 3)
        #expect(Set(recipients.flatMap { $0 }).count == 3)
    }

    @Test("a 550 refusal marks the message failed with the server's reason, and it is not retried")
    func permanentRefusal() async throws {
        let hub = try Self.hubWithDigests()
        let server = try HubSMTPServer(["--refuse", "550", "--refuse-at", "rcpt"])
        let smtp = try SMTPDelivery(url: server.url, timeout: .seconds(20))
        let report = try await hub.outbox.drain(through: smtp, now: HubFixture.now)
        #expect(report.failed.count == 3)
        #expect(report.failed.allSatisfy { $0.reason.contains("550") })
        let failed = try hub.outbox.entries([.failed])
        #expect(failed.count == 3 && failed.allSatisfy { $0.attempts == 1 })
        let again = try await hub.outbox.drain(through: smtp, now: HubFixture.now.addingTimeInterval(7_200), ignoringBackOff: true)
        #expect(again.sent == 0 && again.failed.isEmpty && again.deferred.isEmpty)
        #expect(try server.delivered().isEmpty)
    }

    @Test("after five temporary failures in a row the rest of the queue waits, untouched")
    func stopsWhenTheServerKeepsFailing() async throws {
        let hub = try HubFixture()
        try hub.publish(HubFixture.catalogue(resources: 20, locationsEach: 1))
        try hub.subscribe(7, limit: 2)
        _ = try hub.run.queueDue(now: HubFixture.now, seed: 1)
        let server = try HubSMTPServer(["--refuse", "451", "--refuse-at", "rcpt"])
        let report = try await hub.outbox.drain(through: try SMTPDelivery(url: server.url, timeout: .seconds(20)), now: HubFixture.now)
        #expect(report.deferred.count == 5)
        #expect(report.notTried == 2)
        #expect(try hub.outbox.entries([.queued]).filter { $0.attempts == 0 }.count == 2)
    }

    @Test("the back-off starts at 30 s, doubles, and stops at an hour")
    func backOff() {
        #expect((1...9).map { RetryBackOff.delay(afterAttempts: $0) } == [30, 60, 120, 240, 480, 960, 1_920, 3_600, 3_600])
        #expect(RetryBackOff.delay(afterAttempts: 1_000) == 3_600)
    }

    @Test("unsubscribing withdraws the mail still queued for them")
    func withdrawal() async throws {
        let hub = try Self.hubWithDigests()
        try hub.book.unsubscribe("reader-1@example.net")
        let failed = try hub.outbox.entries([.failed])
        #expect(failed.map(\.recipient) == ["reader-1@example.net"])
        #expect(try hub.outbox.entries([.queued]).count == 2)
    }
}
