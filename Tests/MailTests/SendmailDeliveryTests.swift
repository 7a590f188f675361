import Foundation
import Mail
import Testing

/// SendmailDelivery with a real sendmail-compatible program: msmtp (Debian's `msmtp` package),
/// relaying to the aiosmtpd test server. msmtp is run with its sendmail interface exactly as
/// `/usr/sbin/sendmail` would be (`-i -f SENDER -- RECIPIENT`), after the options naming the server.
@Suite("Sendmail delivery", .serialized)
struct SendmailDeliveryTests {
    typealias S = MailTestSupport

    static let msmtp = ["/usr/bin/msmtp", "/usr/local/bin/msmtp"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func delivery(port: Int, timeout: Duration = .seconds(20)) throws -> SendmailDelivery {
        let program = try #require(Self.msmtp, "msmtp is not installed (apt-get install msmtp)")
        // No configuration file: everything msmtp needs is on the command line.
        return SendmailDelivery(program: program,
                                arguments: ["--host=127.0.0.1", "--port=\(port)", "--tls=off", "--auth=off"],
                                timeout: timeout)
    }

    @Test("msmtp hands the message to the server unchanged")
    func delivered() async throws {
        let server = try SMTPServerProcess.start()
        defer { server.stop() }
        let message = S.hintMessage(subject: "Hinweise", body: "1. one\n.dot line\n2. zwei ✓\n")
        let data = try message.rendered()
        let result = try await delivery(port: server.port).deliver(data, envelope: message.envelope)
        #expect(result == .delivered, "\(result)\n\(server.log)")
        let stored = try Maildir(path: server.maildir).messages()
        try #require(stored.count == 1)
        #expect(stored[0].data == Data("Return-Path: <hub@hints.example.org>\r\n".utf8) + data)
        let record = try #require(try server.deliveries().first)
        #expect(record["mail_from"] as? String == "hub@hints.example.org")
        #expect(record["rcpt_tos"] as? [String] == ["ann@reader.example.net"])
        #expect(try ReceivedMail(stored[0]).text == message.body)
    }

    @Test("550 for the recipient is permanent (EX_DATAERR); 451 and a server that is down are temporary")
    func failures() async throws {
        let refusing = try SMTPServerProcess.start(["--refuse", "550"])
        defer { refusing.stop() }
        let permanent = try await delivery(port: refusing.port).deliver(S.hintMessage())
        #expect(permanent.isPermanentFailure, "\(permanent)")
        #expect(permanent.description.contains("status 65 (EX_DATAERR)"), "\(permanent)")
        #expect(permanent.description.contains("550 5.1.1 No such user here"), "the program's own words are kept")

        let deferring = try SMTPServerProcess.start(["--refuse", "451"])
        defer { deferring.stop() }
        let temporary = try await delivery(port: deferring.port).deliver(S.hintMessage())
        #expect(temporary.isTemporaryFailure, "\(temporary)")
        #expect(temporary.description.contains("451"), "\(temporary)")

        let gone = try SMTPServerProcess.start()
        let port = gone.port
        gone.stop()
        let down = try await delivery(port: port).deliver(S.hintMessage())
        #expect(down.isTemporaryFailure, "\(down)")
        #expect(down.description.contains("status 75 (EX_TEMPFAIL)"), "\(down)")
    }

    @Test("a missing program, a crash and a hang are temporary")
    func brokenPrograms() async throws {
        let missing = SendmailDelivery(program: "/nonexistent/sendmail")
        let notThere = await missing.deliver(S.hintMessage())
        #expect(notThere.isTemporaryFailure)
        #expect(notThere.description.contains("/nonexistent/sendmail"))

        // python3 -c CODE takes the sendmail arguments as its own sys.argv and ignores them.
        let python = try #require(["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let crash = SendmailDelivery(program: python, arguments: ["-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"])
        let crashed = await crash.deliver(S.hintMessage())
        #expect(crashed.isTemporaryFailure, "\(crashed)")
        #expect(crashed.description.contains("signal 11"), "\(crashed)")

        // The hanging program must be stoppable by SIGTERM: it gets a clean signal mask.
        let started = Date()
        let hang = SendmailDelivery(program: python, arguments: ["-c", "import time; time.sleep(60)"], timeout: .milliseconds(500))
        let hung = await hang.deliver(S.hintMessage())
        #expect(hung.isTemporaryFailure)
        #expect(hung.description.contains("did not finish"), "\(hung)")
        #expect(Date().timeIntervalSince(started) < 4, "stopped by SIGTERM, not only after the SIGKILL grace")
    }

    @Test("the program reads the message on standard input and gets -i -f SENDER -- RECIPIENT")
    func commandLine() async throws {
        let folder = try S.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let python = try #require(["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) })
        // Records what it was given, then exits 67 (EX_NOUSER) so the permanent path is covered too.
        let record = """
            import sys, json; data = sys.stdin.buffer.read()
            open(sys.argv[1], "w").write(json.dumps({"argv": sys.argv[2:], "size": len(data)}))
            sys.exit(67)
            """
        let delivery = SendmailDelivery(program: python, arguments: ["-c", record, folder + "/seen.json"])
        let message = S.hintMessage()
        let data = try message.rendered()
        let result = await delivery.deliver(data, envelope: MailEnvelope(sender: S.hub, recipients: [S.ann, try MailAddress("-oQ@example.org")]))
        #expect(result.isPermanentFailure && result.description.contains("EX_NOUSER"), "\(result)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/seen.json"))) as? [String: Any])
        #expect(seen["argv"] as? [String] == ["-i", "-f", "hub@hints.example.org", "--", "ann@reader.example.net", "-oQ@example.org"])
        #expect(seen["size"] as? Int == data.count)
    }
}
