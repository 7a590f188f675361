import Foundation
import Mail
import Testing

/// Building a message with GMime and reading it back — with GMime, and with Python's `email`
/// package as a reader nobody here wrote.
@Suite("Mail rendering and parsing")
struct MailRenderingTests {
    typealias S = MailTestSupport

    @Test("build → parse round trip keeps headers, a non-ASCII subject and body")
    func roundTrip() throws {
        let body = "Grüße aus Zürich — 東京 too.\n\nA line that is long enough to need a soft break in quoted-printable, well past seventy-eight characters.\n"
        let message = MailMessage(from: S.hub, to: [S.ann], subject: "Hinweise für heute: naïve café ☕",
                                  body: body, date: Date(timeIntervalSince1970: 1_777_000_000),
                                  headers: [MailHeader("List-Id", "Grapevine hints <hints.example.org>")])
        let data = try message.rendered()
        let raw = String(decoding: data, as: UTF8.self)
        #expect(data.allSatisfy { $0 < 0x80 }, "the wire form is ASCII (RFC 2047 words, quoted-printable)")
        #expect(raw.lowercased().contains("=?utf-8?"), "the subject is an RFC 2047 encoded word")
        #expect(raw.contains("Content-Transfer-Encoding: quoted-printable"))

        let read = try ReceivedMail(data: data, source: "round trip")
        #expect(read.subject == message.subject)
        #expect(read.from == [S.hub])
        #expect(read.to == [S.ann])
        #expect(read.date == message.date)
        #expect(read.messageID == message.messageID)
        #expect(read.header("list-id") == "Grapevine hints <hints.example.org>")
        #expect(read.textParts == [body])
    }

    @Test("Python's email parser agrees on the standard headers and sees one text/plain part")
    func pythonAgrees() throws {
        let message = S.hintMessage(subject: "Hints — Tuesday ☀")
        let data = try message.rendered()
        let python = try S.pythonReading(data)
        let headers = try #require(python["headers"] as? [String: [String]])
        #expect((python["defects"] as? [String]) == [])
        #expect(headers["subject"] == ["Hints — Tuesday ☀"])
        #expect(headers["from"] == ["Red Rover hub <hub@hints.example.org>"])
        #expect(headers["to"] == ["Ann Lee <ann@reader.example.net>"])
        #expect(headers["date"] == ["Fri, 24 Apr 2026 03:06:40 +0000"])
        #expect(headers["message-id"] == ["<\(message.messageID)>"])
        #expect(headers["mime-version"] == ["1.0"])
        #expect(headers["content-type"]?.first?.lowercased().replacingOccurrences(of: "\"", with: "") == "text/plain; charset=utf-8")
        #expect(headers["list-unsubscribe"] == ["<mailto:unsubscribe@hints.example.org?subject=ann>, <https://hints.example.org/u/ann>"])
        #expect(headers["list-unsubscribe-post"] == ["List-Unsubscribe=One-Click"])
        #expect(headers["auto-submitted"] == ["auto-generated"])

        #expect(python["is_multipart"] as? Bool == false)
        #expect(python["has_attachments"] as? Bool == false)
        let parts = try #require(python["parts"] as? [[String: Any]])
        #expect(parts.count == 1)
        #expect(parts.first?["content_type"] as? String == "text/plain")
        #expect(parts.first?["charset"] as? String == "utf-8")
        #expect(parts.first?["text"] as? String == message.body + "\n")
        #expect(python["crlf"] as? Bool == true, "CRLF line ends on the wire")
        #expect((python["longest_line"] as? Int ?? 999) <= 78)
    }

    @Test("the message ID is random at the sender's domain")
    func messageID() throws {
        let first = S.hintMessage(), second = S.hintMessage()
        #expect(first.messageID.hasSuffix("@hints.example.org"))
        #expect(first.messageID.count == 32 + 1 + "hints.example.org".count)
        #expect(first.messageID != second.messageID)
    }

    @Test("plain short ASCII stays 7bit; long lines and non-ASCII are encoded within 78 columns")
    func transferEncoding() throws {
        let plain = try S.hintMessage(body: "short\nlines only\n").rendered()
        #expect(String(decoding: plain, as: UTF8.self).contains("Content-Transfer-Encoding: 7bit"))

        let longLine = String(repeating: "https://peer.example.org/very/long/path/", count: 6)
        let long = try S.hintMessage(body: "see\n" + longLine + "\n").rendered()
        let python = try S.pythonReading(long)
        let part = try #require((python["parts"] as? [[String: Any]])?.first)
        #expect(part["transfer_encoding"] as? String == "quoted-printable")
        #expect(part["text"] as? String == "see\n" + longLine + "\n")
        #expect((python["longest_line"] as? Int ?? 999) <= 78)
        #expect(try ReceivedMail(data: long, source: "long").text == "see\n" + longLine + "\n")
    }

    @Test("bad addresses and headers are refused, naming what is wrong")
    func refusals() throws {
        for bad in ["", "no-at-sign", "two@@example.org", "ann@", "@example.org", "ann lee@example.org",
                    "ann@exa mple.org", "ann@-example.org", "ann@example..org", "ann\r\n@example.org", "ännchen@example.org"] {
            #expect(throws: MailError.self) { try MailAddress(bad) }
        }
        let error = try #require(throws: MailError.self) { try MailAddress("ann@exa_mple.org") }
        #expect(error.kind == .invalidAddress)
        #expect(error.description.contains("ann@exa_mple.org"))

        var message = S.hintMessage()
        message.headers.append(MailHeader("Subject", "a second subject"))
        let twice = try #require(throws: MailError.self) { try message.rendered() }
        #expect(twice.kind == .invalidHeader)
        #expect(twice.description.contains("Subject"))

        message = S.hintMessage()
        message.headers = [MailHeader("X-Injected", "value\r\nBcc: victim@example.org")]
        #expect(throws: MailError.self) { try message.rendered() }
        message = S.hintMessage()
        message.subject = "two\nlines"
        #expect(throws: MailError.self) { try message.rendered() }
    }

    @Test("addresses as written in headers and configuration files")
    func parsingAddresses() throws {
        let quoted = try MailAddress(parsing: "\"Hub, The\" <hub@hints.example.org>")
        #expect(quoted.name == "Hub, The")
        #expect(quoted.address == "hub@hints.example.org")
        let encoded = try MailAddress(parsing: "=?utf-8?q?J=C3=BCrgen?= <j@example.de>")
        #expect(encoded.name == "Jürgen")
        #expect(try MailAddress(parsing: "bare@example.org").name == nil)
        #expect(throws: MailError.self) { try MailAddress(parsing: "a@example.org, b@example.org") }
        #expect(throws: MailError.self) { try MailAddress(parsing: "nobody") }
    }

    @Test("what is not a mail is refused with its name")
    func notMail() throws {
        let error = try #require(throws: MailError.self) {
            try ReceivedMail(data: Data("just some words\nand more words\n".utf8), source: "message 3 in inbox.mbox")
        }
        #expect(error.description.hasPrefix("message 3 in inbox.mbox: "))

        let html = Data("From: a@example.org\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n".utf8)
        let noText = try #require(throws: MailError.self) { try ReceivedMail(data: html, source: "message 4 in inbox.mbox") }
        #expect(noText.kind == .noText)
        #expect(noText.description == "message 4 in inbox.mbox: no text/plain part in the message")

        let big = try #require(throws: MailError.self) {
            try ReceivedMail(data: Data(count: 2000), source: "big.eml", sizeLimit: 1000)
        }
        #expect(big.kind == .tooLarge)
    }
}
