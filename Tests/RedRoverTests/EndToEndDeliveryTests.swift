import Foundation
import Publishing
import RedRover
import Testing

/// The whole way: a hub publishes, `grapevine rover send` mails through a real SMTP server
/// (aiosmtpd), Python's `email` package reads what was delivered, and `grapevine hints receive`
/// imports exactly those bytes into a subscriber's store.
@Suite("End to end: hub → SMTP → subscriber", .serialized)
struct EndToEndDeliveryTests {
    typealias P = EndToEndProcesses

    @Test("the delivered mail is one plain UTF-8 text part with the list and the block, and it imports")
    func deliveredMailImports() throws {
        let hub = try EndToEndHub()
        let server = try EndToEndSMTPServer()
        defer { server.stop() }
        let delivered = try hub.send(through: server)
        try #require(delivered.count == 1)

        // What an independent parser sees.
        let python = try P.pythonReading(delivered[0])
        #expect(python["defects"] as? [String] == [])
        #expect(python["is_multipart"] as? Bool == false)
        #expect(python["has_attachments"] as? Bool == false)
        let parts = try #require(python["parts"] as? [[String: Any]])
        #expect(parts.count == 1)
        #expect(parts.first?["content_type"] as? String == "text/plain")
        #expect(parts.first?["charset"] as? String == "utf-8")
        #expect(parts.first?["disposition"] == nil || parts.first?["disposition"] is NSNull)
        let headers = try #require(python["headers"] as? [String: [String]])
        #expect(headers["from"] == ["Red Rover <hub@hints.example.org>"])
        #expect(headers["to"] == [EndToEndHub.subscriber])
        #expect(headers["subject"]?.first?.contains("2 new hints") == true)
        #expect(headers["list-id"]?.count == 1)
        let raw = try String(contentsOfFile: delivered[0], encoding: .utf8)
        let body = try #require(raw.range(of: "\r\n\r\n")).upperBound
        #expect(raw[body...].components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 }, "body lines fit any client")

        // The readable list and the block carry the same hints.
        let text = try #require(parts.first?["text"] as? String)
        for url in EndToEndHub.liveURLs { #expect(text.contains("   \(url)\n")) }
        #expect(text.contains("Carte des rivières — Danube, 1790"))
        #expect(!text.contains(EndToEndHub.expiredURL))
        let hubID = try #require(PeerID(hub.id))
        let blocks = try HintBlock.blocks(in: text, trusting: [hubID])
        #expect(blocks.map(\.hub) == [hubID])
        #expect(blocks.first?.hints.map(\.url).sorted() == EndToEndHub.liveURLs)
        #expect(text.hasSuffix(HintBlock.endLine + "\n"))

        // The subscriber imports the server's Maildir as it is.
        let subscriber = try EndToEndSubscriber()
        let received = try subscriber.grapevine(["hints", "receive", "--trust", hub.id, "--maildir", server.maildir])
        #expect(received.status == 0, "\(received.stderr)")
        #expect(received.stdout.contains("\(delivered[0]): imported 2 hints from hub \(hub.id); 2 current"), "\(received.stdout)")
        #expect(try subscriber.listedURLs() == EndToEndHub.liveURLs)
        #expect(try subscriber.queriedURLs(hub: hub.id) == EndToEndHub.liveURLs)
        let list = try subscriber.grapevine(["hints", "list"]).stdout
        #expect(list.contains("https://mirror.example.net/maps.pdf  until 2034-06-01T12:00:00Z  Carte des rivières — Danube, 1790"))
        #expect(try server.messages() == delivered, "reading the Maildir leaves it as it was")
    }

    @Test("a hub trusted once with `hints trust` needs no --trust; a mail on standard input imports")
    func trustedOnceFromStandardInput() throws {
        let hub = try EndToEndHub()
        let server = try EndToEndSMTPServer()
        defer { server.stop() }
        let delivered = try hub.send(through: server)
        let subscriber = try EndToEndSubscriber()
        let refused = try subscriber.grapevine(["hints", "receive"], stdin: Data(contentsOf: URL(fileURLWithPath: delivered[0])))
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("no trusted hub"))
        #expect(try subscriber.grapevine(["hints", "trust", hub.id]).stdout == "trusting hub \(hub.id)\n")
        #expect(try subscriber.grapevine(["hints", "trust"]).stdout == "\(hub.id)\n")
        let received = try subscriber.grapevine(["hints", "receive"], stdin: Data(contentsOf: URL(fileURLWithPath: delivered[0])))
        #expect(received.status == 0, "\(received.stderr)")
        #expect(received.stdout.hasPrefix("standard input: imported 2 hints"))
        #expect(try subscriber.listedURLs() == EndToEndHub.liveURLs)
    }
}
