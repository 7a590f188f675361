import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real programs the end-to-end tests drive: the built `grapevine`, and the Python
/// scripts of Tests/MailTests (the aiosmtpd server, Python's `email` parser and re-encoder).
enum EndToEndProcesses {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let mailTests = packageRoot + "/Tests/MailTests"

    /// The `grapevine` built beside the test bundle (`swift build --build-tests` builds it).
    static let grapevineExecutable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("grapevine").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : packageRoot + "/.build/debug/grapevine"
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A new empty folder under the temporary directory; the caller removes it.
    static func temporaryFolder(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "grapevine-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs a program to its end; output goes through files, so a chatty program cannot fill a
    /// pipe and hang.
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil) throws -> Result {
        let folder = try temporaryFolder("run")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "GRAPEVINE_DB")
        process.environment = environment
        for name in ["in", "out", "err"] {
            FileManager.default.createFile(atPath: folder + "/" + name, contents: name == "in" ? (stdin ?? Data()) : Data())
        }
        process.standardInput = FileHandle(forReadingAtPath: folder + "/in")
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? "")
    }

    static func grapevine(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        try run(grapevineExecutable, arguments, stdin: stdin)
    }

    /// What Python's `email` package (policy.default) reads in a mail file: check_mail.py's JSON.
    static func pythonReading(_ file: String) throws -> [String: Any] {
        let result = try run("python3", [mailTests + "/check_mail.py", file])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw EndToEndFailure("check_mail.py exited \(result.status): \(result.stderr)")
        }
        return object
    }

    /// The mail in `file` re-encoded by Python's `email` package as a forwarding client would
    /// (forward_mail.py MODE), written to `output`.
    static func reencode(_ file: String, mode: String, to output: String) throws {
        let result = try run("python3", [mailTests + "/forward_mail.py", mode, file, output])
        guard result.status == 0 else { throw EndToEndFailure("forward_mail.py \(mode) exited \(result.status): \(result.stderr)") }
    }
}

/// A failure of the test set-up itself, with what went wrong.
struct EndToEndFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
