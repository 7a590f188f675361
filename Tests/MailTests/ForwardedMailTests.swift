import Foundation
import Mail
import Testing

/// A hint mail that a forwarding client re-encoded still yields its text. The re-encoded mails
/// are written by Python's `email` package (Tests/MailTests/forward_mail.py), a MIME writer
/// independent of GMime.
@Suite("Re-encoded and forwarded mail")
struct ForwardedMailTests {
    typealias S = MailTestSupport

    /// Non-ASCII, a long line and the machine-readable block: what re-encoding could damage.
    static let body = """
        Guten Tag, Ann — here are today's hints.

        1. Field recordings of the Danube delta (Grüße aus Tulcea)
           https://peer-17.example.org/r/delta.ogg?token=0123456789abcdef0123456789abcdef0123456789
           until 2026-05-02 12:00 UTC

        -----BEGIN GRAPEVINE HINTS-----
        eyJoaW50cyI6W3sicmVzb3VyY2UiOiJodHRwczovL2V4YW1wbGUub3JnL3IvMSJ9XX0=
        -----END GRAPEVINE HINTS-----

        """

    /// The original rendered by `MailMessage`, re-encoded by forward_mail.py in `mode`.
    func reencoded(_ mode: String) throws -> Data {
        let folder = try S.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try S.hintMessage(body: Self.body).rendered().write(to: URL(fileURLWithPath: folder + "/original.eml"))
        let result = try S.run("python3", [S.testsFolder + "/forward_mail.py", mode, folder + "/original.eml", folder + "/out.eml"])
        guard result.status == 0 else { throw TestFailure("forward_mail.py \(mode) exited \(result.status): \(result.stderr)") }
        return try Data(contentsOf: URL(fileURLWithPath: folder + "/out.eml"))
    }

    /// True when every line of `lines` appears in `text` in the same order, next to each other.
    func contains(_ text: String, lines: [Substring]) -> Bool {
        text.contains(lines.joined(separator: "\n"))
    }

    @Test("each re-encoding yields the original text lines", arguments: [
        ("quoted-printable", "Content-Transfer-Encoding: quoted-printable"),
        ("base64", "Content-Transfer-Encoding: base64"),
        ("windows-1252", "charset=\"windows-1252\""),
        ("alternative", "multipart/alternative"),
        ("footer", "Content-Transfer-Encoding: quoted-printable"),
        ("forward", "message/rfc822"),
    ])
    func reencodedTextSurvives(mode: String, marker: String) throws {
        let data = try reencoded(mode)
        let raw = String(decoding: data, as: UTF8.self)
        #expect(raw.contains(marker), "forward_mail.py wrote what the case is about")
        #expect(!raw.contains("Grüße"), "the text is encoded on the wire, not plain UTF-8")

        let mail = try ReceivedMail(data: data, source: "forwarded (\(mode))")
        let original = Self.body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(mail.textParts.contains { contains($0, lines: Array(original)) }, "\(mail.textParts)")
        #expect(!mail.text.contains("<html>"), "the HTML twin is not text")
    }

    @Test("a forward keeps the note, the forwarded original and the list footer apart, in order")
    func forwardParts() throws {
        let mail = try ReceivedMail(data: try reencoded("forward"), source: "forward")
        #expect(mail.subject == "Fwd: Your hints for today")
        #expect(mail.from.first?.address == "bob@forward.example.com")
        #expect(mail.textParts.count == 3)
        #expect(mail.textParts.first?.hasPrefix("Have a look at this one.") == true)
        #expect(mail.textParts.first?.contains("\n-- \nBob Forwarder") == true)
        #expect(mail.textParts[1] == Self.body)
        #expect(mail.textParts.last?.contains("Unsubscribe: https://lists.example.com/u") == true)
    }

    @Test("a signature footer in the same part follows the original text")
    func footer() throws {
        let mail = try ReceivedMail(data: try reencoded("footer"), source: "footer")
        #expect(mail.textParts == [Self.body + "\n-- \nBob Forwarder\nSent from my phone\n"])
    }
}
