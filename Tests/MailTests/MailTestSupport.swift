import Foundation
import Mail

/// Paths, temporary folders and child processes shared by the Mail tests.
enum MailTestSupport {
    /// The package's root folder (holding Package.swift).
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let testsFolder = packageRoot + "/Tests/MailTests"

    /// A new empty folder under the temporary directory; the caller removes it.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "grapevine-mail-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs a program found on PATH to its end; output is collected through files, so a chatty
    /// program cannot fill a pipe and hang.
    static func run(_ program: String, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        _ = FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/err", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/in", contents: input ?? Data())
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
        process.standardInput = FileHandle(forReadingAtPath: folder + "/in")
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus,
                (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? "",
                (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? "")
    }

    /// Python's `email` package (policy.default) reading `data`: check_mail.py's JSON.
    static func pythonReading(_ data: Data) throws -> [String: Any] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try data.write(to: URL(fileURLWithPath: folder + "/message.eml"))
        let result = try run("python3", [testsFolder + "/check_mail.py", folder + "/message.eml"])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw TestFailure("check_mail.py exited \(result.status): \(result.stderr)")
        }
        return object
    }

    static let hub = try! MailAddress("hub@hints.example.org", name: "Red Rover hub")
    static let ann = try! MailAddress("ann@reader.example.net", name: "Ann Lee")

    /// A hint mail like the distributor's: a numbered list, then a machine-readable block.
    static func hintMessage(subject: String = "Your hints for today", body: String? = nil) -> MailMessage {
        MailMessage(
            from: hub, to: [ann], subject: subject,
            body: body ?? """
            Hello,

            1. Field recordings of the Danube delta
               https://peer-17.example.org/r/delta.ogg
               until 2026-05-02 12:00 UTC

            -----BEGIN GRAPEVINE HINTS-----
            eyJoaW50cyI6W119
            -----END GRAPEVINE HINTS-----
            """,
            date: Date(timeIntervalSince1970: 1_777_000_000),
            headers: [
                MailHeader("List-Id", "Grapevine hints <hints.example.org>"),
                MailHeader("List-Unsubscribe", "<mailto:unsubscribe@hints.example.org?subject=ann>, <https://hints.example.org/u/ann>"),
                MailHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                MailHeader("Auto-Submitted", "auto-generated"),
            ])
    }
}

/// A failure of the test set-up itself, with what went wrong.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
