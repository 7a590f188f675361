import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real SMTP server for the tests: Tests/MailTests/smtp_server.py (aiosmtpd) on a loopback port
/// it chooses itself, delivering into a Maildir in its own temporary folder.
///
/// `start` waits (up to 20 s) for the `READY port=N` line and throws with the server's log if it
/// does not come; `stop()` sends SIGTERM (SIGKILL after 5 s), waits, and removes the folder. It is
/// safe to call twice, and `deinit` calls it.
final class SMTPServerProcess: @unchecked Sendable {
    let port: Int
    let directory: String
    var maildir: String { directory + "/Maildir" }
    /// The self-signed certificate made for --tls, to trust on the client side.
    var certificate: String { directory + "/cert.pem" }
    var logPath: String { directory + "/server.log" }
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    private let process: Process
    private let lock = NSLock()
    private var stopped = false

    private init(process: Process, port: Int, directory: String) {
        self.process = process
        self.port = port
        self.directory = directory
    }

    deinit { stop() }

    /// `smtp://127.0.0.1:PORT` with `user:password@` when given.
    func url(user: String? = nil, password: String? = nil, scheme: String = "smtp") -> String {
        let credentials = user.map { "\($0):\(password ?? "")@" } ?? ""
        return "\(scheme)://\(credentials)127.0.0.1:\(port)"
    }

    /// Starts `python3 smtp_server.py DIR <arguments>` (`--tls`, `--user U --password P`,
    /// `--refuse 451|550 --refuse-at rcpt|data`).
    static func start(_ arguments: [String] = [], timeout: TimeInterval = 20) throws -> SMTPServerProcess {
        let directory = try MailTestSupport.temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", MailTestSupport.testsFolder + "/smtp_server.py", directory] + arguments
        let logPath = directory + "/server.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        // A file, not a pipe: nobody reads the server's chatter while it runs.
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? log.close()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("READY port=") }),
               let port = Int(line.dropFirst("READY port=".count)) {
                return SMTPServerProcess(process: process, port: port, directory: directory)
            }
            if !process.isRunning {
                try? FileManager.default.removeItem(atPath: directory)
                throw TestFailure("""
                    smtp_server.py exited with status \(process.terminationStatus) before it was ready \
                    (python3 and aiosmtpd are needed: pip install aiosmtpd):
                    \(text)
                    """)
            }
            usleep(50_000)
        }
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
        throw TestFailure("smtp_server.py was not ready within \(Int(timeout)) s:\n\(text)")
    }

    /// The delivery records (deliveries.jsonl): `key`, `mail_from`, `rcpt_tos`, `tls`, `user`.
    func deliveries() throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: directory + "/deliveries.jsonl", encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            guard let object = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
                throw TestFailure("deliveries.jsonl: not a JSON object: \($0)")
            }
            return object
        }
    }

    func stop() {
        lock.lock()
        if stopped { lock.unlock(); return }
        stopped = true
        lock.unlock()
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
