import Foundation
import Testing

/// What the subscriber refuses, through the real CLI: nothing of a refused message is written.
@Suite("End to end: refused hint mails", .serialized)
struct EndToEndRefusalTests {
    typealias P = EndToEndProcesses

    /// The delivered bytes with one character of the block's fourth base64 line changed.
    static func altered(_ file: String) throws -> Data {
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\r\n")
        let begin = try #require(lines.firstIndex(of: "-----BEGIN GRAPEVINE HINTS-----"))
        var line = Array(lines[begin + 4])
        line[10] = line[10] == "A" ? "B" : "A"
        lines[begin + 4] = String(line)
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    @Test("one character altered in the block: refused, exit 1, the message named, the store unchanged")
    func alteredCharacter() throws {
        let hub = try EndToEndHub()
        let server = try EndToEndSMTPServer()
        defer { server.stop() }
        let delivered = try hub.send(through: server)
        let subscriber = try EndToEndSubscriber()
        #expect(try subscriber.grapevine(["hints", "receive", "--trust", hub.id, "--maildir", server.maildir]).status == 0)
        let before = try subscriber.dump()

        let messageID = try #require(try String(contentsOfFile: delivered[0], encoding: .utf8)
            .components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("message-id: <") }).dropFirst(13).dropLast()
        let refused = try subscriber.grapevine(["hints", "receive", "--trust", hub.id], stdin: Self.altered(delivered[0]))
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("grapevine: standard input (Message-ID <\(messageID)>): the hints block"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing imported"))
        #expect(try subscriber.dump() == before)
    }

    @Test("in an mbox, the altered message is named by its number and the intact one still imports")
    func mboxBatch() throws {
        let hub = try EndToEndHub()
        let server = try EndToEndSMTPServer()
        defer { server.stop() }
        let delivered = try hub.send(through: server)
        let subscriber = try EndToEndSubscriber()
        let mbox = subscriber.folder + "/inbox.mbox"
        let separator = Data("From hub@hints.example.org Thu Nov 26 19:00:00 2026\n".utf8)
        let intact = try Data(contentsOf: URL(fileURLWithPath: delivered[0]))
        try (separator + Self.altered(delivered[0]) + Data("\n".utf8) + separator + intact + Data("\n".utf8))
            .write(to: URL(fileURLWithPath: mbox))
        let result = try subscriber.grapevine(["hints", "receive", "--trust", hub.id, "--mbox", mbox])
        #expect(result.status == 1)
        #expect(result.stderr.contains("grapevine: message 1 in \(mbox) (Message-ID <"), "\(result.stderr)")
        #expect(result.stdout.contains("message 2 in \(mbox): imported 2 hints"), "\(result.stdout)")
        #expect(result.stdout.contains("2 messages: 1 imported, 0 without hints, 1 refused"))
        #expect(try subscriber.listedURLs() == EndToEndHub.liveURLs)
    }

    @Test("a hub that is not trusted is refused and nothing is written")
    func untrustedHub() throws {
        let hub = try EndToEndHub()
        let server = try EndToEndSMTPServer()
        defer { server.stop() }
        _ = try hub.send(through: server)
        let subscriber = try EndToEndSubscriber()
        let stranger = try P.grapevine(["init", "--db", subscriber.folder + "/stranger.sqlite"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try subscriber.listedURLs().isEmpty)  // creates the store, empty
        let before = try subscriber.dump()
        let result = try subscriber.grapevine(["hints", "receive", "--trust", stranger, "--maildir", server.maildir])
        #expect(result.status == 1)
        #expect(result.stderr.contains("signed by hub \(hub.id), which is not trusted"), "\(result.stderr)")
        #expect(try subscriber.dump() == before)
    }

    @Test("hints that expired on the way are dropped; the rest import")
    func expiredDropped() throws {
        let hub = try EndToEndHub()
        let server = try EndToEndSMTPServer()
        defer { server.stop() }
        // A hub that thinks it is 2020 still offers the songs, valid until 2021.
        let delivered = try hub.send(through: server, now: "2020-06-01T00:00:00Z")
        try #require(delivered.count == 1)
        #expect(try String(contentsOfFile: delivered[0], encoding: .utf8).contains(EndToEndHub.expiredURL))
        let subscriber = try EndToEndSubscriber()
        let result = try subscriber.grapevine(["hints", "receive", "--trust", hub.id, "--maildir", server.maildir])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 2 hints from hub \(hub.id) (1 expired, dropped); 2 current"), "\(result.stdout)")
        #expect(try subscriber.listedURLs() == EndToEndHub.liveURLs)
        #expect(try subscriber.queriedURLs(hub: hub.id) == EndToEndHub.liveURLs)
    }
}
