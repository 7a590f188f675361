import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Headless Chromium for the browser tests: the page's DOM after the browser has built it, and
/// screenshots. Debian's package is `chromium`; `CHROMIUM` names another binary.
struct HeadlessChromium {
    let executable: String

    /// The browser, if one is installed.
    static let installed: HeadlessChromium? = {
        var candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                          "/usr/bin/google-chrome-stable", "/snap/bin/chromium"]
        if let chosen = ProcessInfo.processInfo.environment["CHROMIUM"] { candidates.insert(chosen, at: 0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(HeadlessChromium.init)
    }()

    /// Where tests leave screenshots for people to look at: `.build/artifacts/grapevine-web/`.
    static let artifacts = NodeProcess.packageRoot + "/.build/artifacts/grapevine-web"

    /// The serialized DOM of `url` once loaded (scripts run).
    func dumpDOM(_ url: URL, windowSize: String = "1280,900") throws -> String {
        try run(["--dump-dom", "--window-size=\(windowSize)", url.absoluteString])
    }

    /// A PNG of the viewport at `url`, written to `path`.
    func screenshot(_ url: URL, to path: String, windowSize: String = "1280,900") throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: path)
        _ = try run(["--screenshot=\(path)", "--window-size=\(windowSize)", url.absoluteString])
        guard FileManager.default.fileExists(atPath: path) else {
            throw NodeProcessError(message: "chromium wrote no screenshot to \(path)")
        }
    }

    /// Runs the browser once, headless, with its own throwaway profile (tests run in parallel and
    /// two browsers must not share one), and returns what it wrote to stdout.
    private func run(_ arguments: [String], timeout: TimeInterval = 90) throws -> String {
        let directory = NSTemporaryDirectory() + "grapevine-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outputPath = directory + "/stdout"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--disable-extensions", "--disable-dev-shm-usage", "--user-data-dir=\(directory)/profile"] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? output.close()
            throw NodeProcessError(message: "chromium \(arguments) did not finish within \(Int(timeout)) s")
        }
        try? output.close()
        guard process.terminationStatus == 0 else {
            throw NodeProcessError(message: "chromium \(arguments) exited with status \(process.terminationStatus)")
        }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}
