import Foundation
import Testing

/// A delivered hints mail that a forwarding client re-encoded still imports. The re-encoding is
/// done by Python's `email` package (Tests/MailTests/forward_mail.py) from the bytes the SMTP
/// server delivered, so neither the encoder nor the original is this project's code path.
@Suite("End to end: re-encoded and forwarded hint mails", .serialized)
struct EndToEndForwardTests {
    typealias P = EndToEndProcesses

    /// Each re-encoding, and what Python's parser must see in it to show it really happened.
    static let modes: [(mode: String, check: @Sendable ([String: Any], String) -> Bool)] = [
        ("quoted-printable", { python, _ in leafParts(python).first?["transfer_encoding"] as? String == "quoted-printable" }),
        ("base64", { python, _ in leafParts(python).first?["transfer_encoding"] as? String == "base64" }),
        ("windows-1252", { python, _ in leafParts(python).first?["charset"] as? String == "windows-1252" }),
        ("alternative", { python, _ in leafParts(python).map { $0["content_type"] as? String } == ["text/plain", "text/html"] }),
        ("footer", { python, _ in (leafParts(python).first?["text"] as? String)?.contains("\n-- \nBob Forwarder") == true }),
        ("forward", { python, raw in raw.contains("message/rfc822") && leafParts(python).count >= 4 }),
    ]

    static func leafParts(_ python: [String: Any]) -> [[String: Any]] { python["parts"] as? [[String: Any]] ?? [] }

    @Test("quoted-printable, base64, Windows-1252, multipart/alternative, a footer and a forward all import")
    func reencodedForwardsImport() throws {
        let hub = try EndToEndHub()
        let server = try EndToEndSMTPServer()
        defer { server.stop() }
        let delivered = try hub.send(through: server)
        try #require(delivered.count == 1)
        let folder = try P.temporaryFolder("forwards")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (mode, check) in Self.modes {
            let file = folder + "/\(mode).eml"
            try P.reencode(delivered[0], mode: mode, to: file)
            let raw = try String(contentsOfFile: file, encoding: .utf8)
            #expect(check(try P.pythonReading(file), raw), "forward_mail.py \(mode) wrote what the case is about")
            let subscriber = try EndToEndSubscriber()
            let received = try subscriber.grapevine(["hints", "receive", "--trust", hub.id], stdin: Data(raw.utf8))
            #expect(received.status == 0, "\(mode): \(received.stderr)")
            #expect(received.stdout.contains("imported 2 hints"), "\(mode): \(received.stdout)")
            #expect(try subscriber.listedURLs() == EndToEndHub.liveURLs, "\(mode)")
        }
    }
}
