import Foundation
import Mail
import Publishing
import RedRover
import Store
import Testing

@Suite("Receiving hints: refusals change nothing")
struct ReceivingRefusalTests {
    typealias F = BlockFixtures
    typealias S = SubscriberFixture
    let now = BlockFixtures.issued.addingTimeInterval(60)

    /// A hint mail whose block has one base64 character changed.
    static func alteredMail(source: String) throws -> RawMail {
        let block = try F.block()
        let line = block.armored.split(separator: "\n")[3]
        let changed = String(line.prefix(20)) + (line.dropFirst(20).first == "Q" ? "R" : "Q") + line.dropFirst(21)
        let raw = try S.mail(block, messageID: "altered@hints.example.org", source: source)
        let text = String(decoding: raw.data, as: UTF8.self).replacingOccurrences(of: String(line), with: changed)
        return RawMail(source: source, data: Data(text.utf8))
    }

    @Test("a block altered by one character is refused, naming the message, and the store stays as it was")
    func altered() throws {
        let subscriber = try S()
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id])
        _ = try receiver.receive(S.mail(F.block([F.hints[0]])), now: now)
        let before = try subscriber.dump()
        #expect {
            try receiver.receive(Self.alteredMail(source: "message 2 in inbox.mbox"), now: now)
        } throws: { error in
            guard let refusal = error as? HintRefusal else { return false }
            return refusal.description.hasPrefix("message 2 in inbox.mbox (Message-ID <altered@hints.example.org>): the hints block")
                && refusal.description.hasSuffix("; nothing imported")
                && [.envelope, .signature].contains(refusal.kind)
        }
        #expect(try subscriber.dump() == before)
    }

    @Test("a block from a hub not on the trusted list is refused; the store stays as it was")
    func untrusted() throws {
        let subscriber = try S()
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id])
        let before = try subscriber.dump()
        do {
            _ = try receiver.receive(S.mail(F.block(by: F.otherHub), source: "stdin"), now: now)
            Issue.record("an untrusted hub's hints were imported")
        } catch let error as HintRefusal {
            #expect(error.kind == .untrusted)
            #expect(error.description.contains("signed by hub \(F.otherHub.id), which is not trusted"))
        }
        #expect(try subscriber.dump() == before)
    }

    @Test("a mail without a block is reported and skipped; a non-mail is refused")
    func noBlock() throws {
        let subscriber = try S()
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id])
        let plain = MailMessage(from: S.hubAddress, to: [S.ann], subject: "Welcome", body: "You are subscribed.\n")
        let report = try receiver.receive(RawMail(source: "welcome", data: plain.rendered()), now: now)
        #expect(!report.hasHints)
        #expect(report.description == "welcome: no Grapevine hints block; nothing imported")
        #expect(throws: HintRefusal.self) {
            try receiver.receive(RawMail(source: "junk", data: Data([0, 1, 2, 3])), now: now)
        }
    }

    @Test("in a Maildir, the bad message is named and the others still import")
    func maildirBatch() throws {
        let subscriber = try S()
        let maildir = subscriber.folder + "/Maildir"
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + folder, withIntermediateDirectories: true)
        }
        try S.mail(F.block([F.hints[0]])).data.write(to: URL(fileURLWithPath: maildir + "/new/1.a.host"))
        try Self.alteredMail(source: "x").data.write(to: URL(fileURLWithPath: maildir + "/new/2.b.host"))
        try S.mail(F.block([F.hints[1]])).data.write(to: URL(fileURLWithPath: maildir + "/cur/3.c.host:2,S"))
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id])
        let results = receiver.receive(try Maildir(path: maildir).messages(), now: now)
        #expect(results.count == 3)
        guard case .failure(let refusal) = results[1] else {
            Issue.record("the altered message was accepted")
            return
        }
        #expect(refusal.source == maildir + "/new/2.b.host")
        #expect(Set(try ReceivedHint.current(in: subscriber.store, now: now).map(\.hint.url)) == [F.hints[0].url, F.hints[1].url])
    }

    @Test("the trusted hubs file: comments allowed, a bad line named by file and line, additions kept")
    func trustedHubsFile() throws {
        let subscriber = try S()
        #expect(try TrustedHubs.load(forDatabase: subscriber.path).hubs.isEmpty)
        #expect(try TrustedHubs.add([F.hub.id, F.hub.id], forDatabase: subscriber.path) == [F.hub.id])
        #expect(try TrustedHubs.add([F.hub.id, F.otherHub.id], forDatabase: subscriber.path) == [F.otherHub.id])
        #expect(try TrustedHubs.load(forDatabase: subscriber.path).hubs == [F.hub.id, F.otherHub.id])
        let file = TrustedHubs.path(forDatabase: subscriber.path)
        try Data("# my hubs\n\(F.hub.id)  # the main one\n\nnot-a-peer-id\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect {
            try TrustedHubs.load(forDatabase: subscriber.path)
        } throws: { error in
            (error as? HintRefusal)?.description.hasPrefix("\(file) line 4: 'not-a-peer-id' is not a hub's peer id") == true
        }
    }
}
