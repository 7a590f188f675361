import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real SMTP server the distributor sends through: Tests/MailTests/smtp_server.py, which is
/// aiosmtpd (the asyncio SMTP server of the aio-libs project, successor of the standard
/// library's smtpd) on a loopback port of its choosing, storing every message byte for byte in
/// a Maildir. Chosen because it is a complete ESMTP implementation nobody here wrote, so the
/// hub's libcurl client goes through a real dialogue, and the receiving side reads exactly the
/// bytes the server accepted.
final class EndToEndSMTPServer: @unchecked Sendable {
    let folder: String
    let port: Int
    private let process: Process
    private let lock = NSLock()
    private var stopped = false

    var url: String { "smtp://127.0.0.1:\(port)" }
    var maildir: String { folder + "/Maildir" }

    /// Starts the server and waits (up to 20 s) for its `READY port=N` line.
    init() throws {
        folder = try EndToEndProcesses.temporaryFolder("smtp")
        let log = folder + "/server.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", EndToEndProcesses.mailTests + "/smtp_server.py", folder]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? handle.close()
        let deadline = Date().addingTimeInterval(20)
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            found = text.split(separator: "\n").first { $0.hasPrefix("READY port=") }.flatMap { Int($0.dropFirst(11)) }
            if found == nil { usleep(50_000) }
        }
        guard let found else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: folder)
            throw EndToEndFailure("smtp_server.py did not start (python3 with aiosmtpd is needed):\n\(text)")
        }
        port = found
    }

    deinit { stop() }

    /// The delivered message files, oldest first.
    func messages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: maildir + "/new").sorted().map { maildir + "/new/" + $0 }
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
