import Foundation
@testable import Mail
import Testing

/// Reading many messages: a Maildir (new/ and cur/) and an mbox file (mboxrd quoting).
@Suite("Mailbox readers")
struct MailboxReaderTests {
    typealias S = MailTestSupport

    func messages(_ count: Int) throws -> [Data] {
        try (1...count).map { try S.hintMessage(subject: "Hints \($0)", body: "number \($0)\n").rendered() }
    }

    @Test("a Maildir's new/ and cur/ messages, named by file; tmp/ and dot files skipped")
    func maildir() throws {
        let folder = try S.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        let data = try messages(4)
        try data[0].write(to: URL(fileURLWithPath: folder + "/new/1700000001.M1P1.host"))
        try data[1].write(to: URL(fileURLWithPath: folder + "/new/1700000002.M2P1.host"))
        try data[2].write(to: URL(fileURLWithPath: folder + "/cur/1700000000.M0P1.host:2,S"))
        try data[3].write(to: URL(fileURLWithPath: folder + "/tmp/1700000003.M3P1.host"))
        try data[3].write(to: URL(fileURLWithPath: folder + "/new/.hidden"))

        let read = try Maildir(path: folder).messages()
        #expect(read.map(\.source) == [folder + "/new/1700000001.M1P1.host", folder + "/new/1700000002.M2P1.host",
                                        folder + "/cur/1700000000.M0P1.host:2,S"])
        #expect(try read.map { try ReceivedMail($0).subject } == ["Hints 1", "Hints 2", "Hints 3"])

        let error = try #require(throws: MailError.self) { try Maildir(path: folder + "/new").messages() }
        #expect(error.description == folder + "/new: not a Maildir (no new/ or cur/ folder)")
    }

    @Test("an mbox file: From separators, >From unquoting, CRLF, names counting from 1")
    func mbox() throws {
        let folder = try S.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = "From: a@example.org\nSubject: one\n\nFrom the start of a line, this was quoted.\n>From here too, with one level kept.\nend\n"
        let second = "From: b@example.org\r\nSubject: two\r\n\r\nsecond body\r\n"
        let third = "From: c@example.org\nSubject: three\n\nlast\nFrom: not a separator (no blank line before)\n"
        let mbox = """
            From a@example.org Thu Apr 23 10:00:00 2026
            From: a@example.org
            Subject: one

            >From the start of a line, this was quoted.
            >>From here too, with one level kept.
            end

            From b@example.org Thu Apr 23 10:01:00 2026\r
            \(second)\r
            From c@example.org Thu Apr 23 10:02:00 2026
            \(third)
            """
        let path = folder + "/inbox.mbox"
        try Data(mbox.utf8).write(to: URL(fileURLWithPath: path))

        let read = try Mbox(path: path).messages()
        #expect(read.map(\.source) == ["message 1 in \(path)", "message 2 in \(path)", "message 3 in \(path)"])
        #expect(read.map { String(decoding: $0.data, as: UTF8.self) } == [first, second, third])
        let mails = try read.map { try ReceivedMail($0) }
        #expect(mails.map(\.subject) == ["one", "two", "three"])
        #expect(mails[0].text == "From the start of a line, this was quoted.\n>From here too, with one level kept.\nend\n")
        #expect(mails[1].text == "second body\n")
    }

    @Test("an empty mbox has no messages; a file that is not one is refused by name")
    func mboxErrors() throws {
        let folder = try S.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data().write(to: URL(fileURLWithPath: folder + "/empty"))
        #expect(try Mbox(path: folder + "/empty").messages().isEmpty)

        try Data("Subject: not an mbox\n\nbody\n".utf8).write(to: URL(fileURLWithPath: folder + "/mail.eml"))
        let error = try #require(throws: MailError.self) { try Mbox(path: folder + "/mail.eml").messages() }
        #expect(error.kind == .malformed)
        #expect(error.description.hasPrefix(folder + "/mail.eml: "))

        let missing = try #require(throws: MailError.self) { try Mbox(path: folder + "/nothing").messages() }
        #expect(missing.kind == .unreadable)

        let big = "From x Thu Apr 23 10:00:00 2026\nSubject: big\n\n" + String(repeating: "x", count: 3000) + "\n"
        try Data(big.utf8).write(to: URL(fileURLWithPath: folder + "/big.mbox"))
        let tooLarge = try #require(throws: MailError.self) { try Mbox(path: folder + "/big.mbox").messages(sizeLimit: 1000) }
        #expect(tooLarge.description.hasPrefix("message 1 in \(folder)/big.mbox: "))
    }

    @Test("one message on a stream, as from standard input; a leading From line is skipped")
    func stream() throws {
        let message = "From hub@hints.example.org Thu Apr 23 10:00:00 2026\nFrom: hub@hints.example.org\nSubject: piped\n\nhello\n"
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(message.utf8))
        try pipe.fileHandleForWriting.close()
        let raw = try RawMail.read(pipe.fileHandleForReading, source: "standard input", sizeLimit: 1000)
        let mail = try ReceivedMail(raw)
        #expect(mail.subject == "piped")
        #expect(mail.text == "hello\n")
        #expect(mail.source == "standard input")

        let flood = Pipe()
        flood.fileHandleForWriting.write(Data(count: 5000))
        try flood.fileHandleForWriting.close()
        let error = try #require(throws: MailError.self) {
            try RawMail.read(flood.fileHandleForReading, source: "standard input", sizeLimit: 1000)
        }
        #expect(error.description.hasPrefix("standard input: more than the limit"))
    }
}
