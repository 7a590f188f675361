import Foundation
import Mail
import Testing

/// SMTPDelivery against a real SMTP server (aiosmtpd, Tests/MailTests/smtp_server.py) on
/// loopback; what the server stored in its Maildir is read back with the Mail module's own
/// Maildir reader and with Python's `email` package.
@Suite("SMTP delivery", .serialized)
struct SMTPDeliveryTests {
    typealias S = MailTestSupport

    /// The one message the server stored, read through `Maildir`.
    func deliveredMessage(_ server: SMTPServerProcess) throws -> RawMail {
        let messages = try Maildir(path: server.maildir).messages()
        try #require(messages.count == 1, "the server stored \(messages.count) messages:\n\(server.log)")
        return messages[0]
    }

    /// What the delivering server stores: a Return-Path line, then the bytes exactly as sent.
    func stored(_ sent: Data, sender: MailAddress) -> Data {
        Data("Return-Path: <\(sender.address)>\r\n".utf8) + sent
    }

    @Test("plain SMTP: the server stores exactly the bytes sent, and both parsers read them")
    func plain() async throws {
        let server = try SMTPServerProcess.start()
        defer { server.stop() }
        // A body line starting with a dot must survive SMTP's dot-stuffing.
        let message = S.hintMessage(subject: "Hints für Ann", body: "1. first\n.hidden dot line\n2. zweite Zeile ✓\n")
        let data = try message.rendered()
        let smtp = try SMTPDelivery(url: server.url(), startTLS: .never, timeout: .seconds(20))
        let result = await smtp.deliver(data, envelope: message.envelope)
        #expect(result == .delivered, "\(result)\n\(server.log)")

        let delivered = try deliveredMessage(server)
        #expect(delivered.data == stored(data, sender: S.hub))
        let read = try ReceivedMail(delivered)
        #expect(read.subject == "Hints für Ann")
        #expect(read.header("Return-Path") == "<hub@hints.example.org>")
        #expect(read.text == message.body)

        let python = try S.pythonReading(delivered.data)
        #expect((python["headers"] as? [String: [String]])?["subject"] == ["Hints für Ann"])
        #expect(((python["parts"] as? [[String: Any]])?.first?["text"] as? String) == message.body)

        let record = try #require(try server.deliveries().first)
        #expect(record["mail_from"] as? String == "hub@hints.example.org")
        #expect(record["rcpt_tos"] as? [String] == ["ann@reader.example.net"])
        #expect(record["tls"] as? Bool == false)

        // The opportunistic default goes on in plain text when the server has no STARTTLS.
        let opportunistic = try SMTPDelivery(url: server.url(), timeout: .seconds(20))
        #expect(await opportunistic.deliver(S.hintMessage()) == .delivered)
        #expect(try server.deliveries().count == 2)
    }

    @Test("smtps: TLS from the first byte, with AUTH")
    func implicitTLS() async throws {
        let server = try SMTPServerProcess.start(["--smtps", "--user", "hub", "--password", "pw"])
        defer { server.stop() }
        let smtps = try SMTPDelivery(url: server.url(user: "hub", password: "pw", scheme: "smtps"), startTLS: .never,
                                     timeout: .seconds(20), caCertificateFile: server.certificate)
        let message = S.hintMessage()
        let result = await smtps.deliver(message)
        #expect(result == .delivered, "\(result)\n\(server.log)")
        let record = try #require(try server.deliveries().first)
        #expect(record["tls"] as? Bool == true)
        #expect(record["user"] as? String == "hub")
        #expect(try ReceivedMail(try deliveredMessage(server)).messageID == message.messageID)
    }

    @Test("STARTTLS and AUTH: the session is encrypted and authenticated before the mail goes")
    func startTLSWithAuth() async throws {
        let server = try SMTPServerProcess.start(["--tls", "--user", "hub", "--password", "s3cret:/@x"])
        defer { server.stop() }
        let message = S.hintMessage()
        // The password holds URL delimiters, percent-encoded in the URL as a user would write it.
        let url = server.url(user: "hub", password: "s3cret%3A%2F%40x")
        let smtp = try SMTPDelivery(url: url, startTLS: .required, timeout: .seconds(20),
                                    caCertificateFile: server.certificate)
        let result = await smtp.deliver(message)
        #expect(result == .delivered, "\(result)\n\(server.log)")
        let record = try #require(try server.deliveries().first)
        #expect(record["tls"] as? Bool == true)
        #expect(record["user"] as? String == "hub")
        let read = try ReceivedMail(try deliveredMessage(server))
        #expect(read.messageID == message.messageID)
        #expect(read.text == message.body + "\n")

        // The opportunistic default upgrades too when the server offers STARTTLS.
        let opportunistic = try SMTPDelivery(url: url, timeout: .seconds(20), caCertificateFile: server.certificate)
        #expect(await opportunistic.deliver(S.hintMessage()) == .delivered)
        #expect(try server.deliveries().last?["tls"] as? Bool == true)
    }

    @Test("set-up faults are temporary: wrong password, untrusted certificate, AUTH needed, STARTTLS missing")
    func setupFaults() async throws {
        let secure = try SMTPServerProcess.start(["--tls", "--user", "hub", "--password", "right"])
        defer { secure.stop() }
        let wrongPassword = try SMTPDelivery(url: secure.url(user: "hub", password: "wrong"), startTLS: .required,
                                             timeout: .seconds(20), caCertificateFile: secure.certificate)
        let refused = await wrongPassword.deliver(S.hintMessage())
        #expect(refused.isTemporaryFailure, "\(refused)")
        #expect(refused.description.contains("535"), "\(refused)")

        let untrusted = try SMTPDelivery(url: secure.url(user: "hub", password: "right"), startTLS: .required, timeout: .seconds(20))
        let unverified = await untrusted.deliver(S.hintMessage())
        #expect(unverified.isTemporaryFailure, "\(unverified)")

        let anonymous = try SMTPDelivery(url: secure.url(), startTLS: .required, timeout: .seconds(20),
                                         caCertificateFile: secure.certificate)
        let needsAuth = await anonymous.deliver(S.hintMessage())
        #expect(needsAuth.isTemporaryFailure, "\(needsAuth)")
        #expect(needsAuth.description.contains("530"), "\(needsAuth)")

        let plain = try SMTPServerProcess.start()
        defer { plain.stop() }
        let demanding = try SMTPDelivery(url: plain.url(), startTLS: .required, timeout: .seconds(20))
        let noTLS = await demanding.deliver(S.hintMessage())
        #expect(noTLS.isTemporaryFailure, "\(noTLS)")
        #expect(try secure.deliveries().isEmpty && plain.deliveries().isEmpty)
    }

    @Test("451 is temporary, 550 permanent — at RCPT TO and at the end of the message", arguments: [
        (["--refuse", "451"], false, "RCPT TO:<ann@reader.example.net>"),
        (["--refuse", "550"], true, "RCPT TO:<ann@reader.example.net>"),
        (["--refuse", "451", "--refuse-at", "data"], false, "the end of the message"),
        (["--refuse", "550", "--refuse-at", "data"], true, "the end of the message"),
    ])
    func refusals(arguments: [String], permanent: Bool, step: String) async throws {
        let server = try SMTPServerProcess.start(arguments)
        defer { server.stop() }
        let smtp = try SMTPDelivery(url: server.url(), timeout: .seconds(20))
        let result = await smtp.deliver(S.hintMessage())
        #expect(result.isPermanentFailure == permanent, "\(result)")
        #expect(result.isTemporaryFailure == !permanent, "\(result)")
        #expect(result.description.contains("refused \(step): \(arguments[1]) "), "\(result)")
        #expect(try server.deliveries().isEmpty)
    }

    @Test("a server that is down is a temporary failure that names it")
    func serverDown() async throws {
        // Start a server to learn a free port, then stop it: nothing listens there any more.
        let server = try SMTPServerProcess.start()
        let url = server.url()
        server.stop()
        let smtp = try SMTPDelivery(url: url, timeout: .seconds(10))
        let result = await smtp.deliver(S.hintMessage())
        #expect(result.isTemporaryFailure, "\(result)")
        #expect(result.description.contains("smtp://127.0.0.1:\(server.port)"))
    }

    @Test("bad addresses and URLs fail before any connection")
    func badInput() async throws {
        #expect(throws: MailError.self) { try SMTPDelivery(url: "http://mail.example.org") }
        #expect(throws: MailError.self) { try SMTPDelivery(url: "not a url") }
        let error = try #require(throws: MailError.self) { try SMTPDelivery(url: "imap://ann:secret@mail.example.org") }
        #expect(!error.description.contains("secret"), "the password stays out of messages")

        var message = S.hintMessage()
        message.to = []
        let smtp = try SMTPDelivery(url: "smtp://127.0.0.1:9", timeout: .seconds(5))
        #expect(await smtp.deliver(message).isPermanentFailure)
    }
}
