import Foundation
import Testing

/// Both sides configured by the node's YAML file alone: `rover send --config` takes the store,
/// the address and the SMTP server from it, `hints receive --config` the store and the hubs to
/// trust (no `<db>.hubs`, no --trust).
@Suite("End to end: hub and subscriber configured by file", .serialized)
struct EndToEndConfigTests {
    typealias P = EndToEndProcesses

    static func write(_ text: String, to path: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("rover send and hints receive with nothing but --config")
    func configuredByFile() throws {
        let hub = try EndToEndHub()
        let server = try EndToEndSMTPServer()
        defer { server.stop() }
        let hubConfig = try Self.write("""
            db: \(hub.db)
            rover:
              from: Configured Rover <hub@hints.example.org>
              smtp: \(server.url)
              starttls: never
            """, to: hub.folder + "/node.yaml")
        let sent = try P.grapevine(["rover", "send", "--config", hubConfig])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("queued 1 (1 due, 0 with nothing new), sent 1"), "\(sent.stdout)")
        let delivered = try server.messages()
        try #require(delivered.count == 1)
        let mail = try String(contentsOfFile: delivered[0], encoding: .utf8)
        #expect(mail.contains("Configured Rover"), "the From of the file's rover.from")

        let subscriber = try EndToEndSubscriber()
        let untrusting = try Self.write("db: \(subscriber.db)\n", to: subscriber.folder + "/none.yaml")
        let refused = try P.grapevine(["hints", "receive", "--config", untrusting], stdin: Data(contentsOf: URL(fileURLWithPath: delivered[0])))
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("no trusted hub"), "\(refused.stderr)")

        let trusting = try Self.write("db: \(subscriber.db)\nhubs:\n  - \(hub.id)\n", to: subscriber.folder + "/node.yaml")
        let received = try P.grapevine(["hints", "receive", "--config", trusting], stdin: Data(contentsOf: URL(fileURLWithPath: delivered[0])))
        #expect(received.status == 0, "\(received.stderr)")
        #expect(received.stdout.hasPrefix("standard input: imported 2 hints from hub \(hub.id)"), "\(received.stdout)")
        #expect(try subscriber.listedURLs() == EndToEndHub.liveURLs)
        #expect(!FileManager.default.fileExists(atPath: subscriber.db + ".hubs"), "trust came from the file, not <db>.hubs")
    }

    @Test("a hub id in the file that is not a peer id refuses the import, naming the line, and writes nothing")
    func badHubInFile() throws {
        let subscriber = try EndToEndSubscriber()
        let config = try Self.write("db: \(subscriber.db)\nhubs:\n  - not-a-hub\n", to: subscriber.folder + "/node.yaml")
        let refused = try P.grapevine(["hints", "receive", "--config", config], stdin: Data("Subject: hi\n\nhello\n".utf8))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(config) line 3: 'hubs[1]' is 'not-a-hub', not a hub's peer id"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: subscriber.db), "no store was created")
    }
}
