import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The Mail tests' real SMTP server (Tests/MailTests/smtp_server.py, aiosmtpd) for the hub's
/// outbox tests. Unlike the Mail tests' starter, this one keeps its folder when stopped and can
/// start again on the same port and folder: "the server is down, then back" is the point.
final class HubSMTPServer: @unchecked Sendable {
    let directory: String
    private(set) var port: Int
    private var process: Process?

    var maildir: String { directory + "/Maildir" }
    var url: String { "smtp://127.0.0.1:\(port)" }
    var log: String { (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? "" }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("MailTests/smtp_server.py").path

    /// Starts a server in a new folder on a port of its choosing.
    init(_ arguments: [String] = []) throws {
        directory = NSTemporaryDirectory() + "grapevine-hub-smtp-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        port = 0
        try start(arguments)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Starts (again) on the same port and folder; waits up to 20 s for `READY port=N`.
    func start(_ arguments: [String] = []) throws {
        let logPath = directory + "/server.log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, directory, "--port", String(port)] + arguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? log.close()
        self.process = process
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let line = self.log.split(separator: "\n").first(where: { $0.hasPrefix("READY port=") }),
               let ready = Int(line.dropFirst("READY port=".count)) {
                port = ready
                return
            }
            if !process.isRunning { break }
            usleep(50_000)
        }
        stop()
        throw HubTestFailure("smtp_server.py did not start (python3 and aiosmtpd are needed):\n\(self.log)")
    }

    /// SIGTERM, then SIGKILL after 5 s; the folder and its Maildir stay.
    func stop() {
        guard let process else { return }
        self.process = nil
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
    }

    /// The files of the delivered messages.
    func delivered() throws -> [String] {
        try ["new", "cur"].flatMap { folder -> [String] in
            let path = maildir + "/" + folder
            guard FileManager.default.fileExists(atPath: path) else { return [] }
            return try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.map { path + "/" + $0 }
        }
    }
}

/// A failure of the test set-up itself.
struct HubTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
