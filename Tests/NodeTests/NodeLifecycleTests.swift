import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("grapevine serve: start, status, metrics, logging, shutdown", .serialized)
struct NodeLifecycleTests {
    @Test func loadsSampleDataAndReportsItsStatus() async throws {
        let node = try NodeProcess.start(arguments: ["--load", NodeProcess.sampleData])
        defer { node.stop() }
        let status = try await node.status()
        #expect(status["name"] as? String == "grapevine")
        #expect(status["descriptions"] as? Int == 8)
        #expect(status["quads"] as? Int == 10_924)
        #expect((status["uptime_seconds"] as? Int ?? -1) >= 0)
    }

    @Test func metricsAreInPrometheusTextAndCountRequests() async throws {
        let node = try NodeProcess.start()
        defer { node.stop() }
        _ = try await node.get("/status")
        let metrics = try await node.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.mediaType == "text/plain")
        #expect(metrics.text.contains("# TYPE"))
        #expect(metrics.text.contains("/status"), "request metrics name their route: \(metrics.text.prefix(400))")
    }

    @Test func logsOneLinePerRequestAndShutsDownCleanlyOnSIGTERM() async throws {
        let node = try NodeProcess.start(arguments: ["--load", NodeProcess.sampleData + "/publishers/civic-data.nt"])
        _ = try await node.get("/status")
        _ = try await node.get("/no-such-page")
        try await Task.sleep(for: .milliseconds(200))
        let log = node.log
        #expect(log.contains("/status"), "\(log)")
        #expect(log.contains("/no-such-page"))
        // SIGTERM: in-flight work finishes, the store closes, the process exits 0.
        let status = node.stop()
        #expect(status == 0, "exit status after SIGTERM: \(String(describing: status))")
    }

    @Test func aConfigurationFileSetsTheNodeAndUnknownKeysAreRefused() async throws {
        let directory = NSTemporaryDirectory() + "grapevine-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = directory + "/node.yaml"
        try Data("query_timeout: 5\nload:\n  - \(NodeProcess.sampleData)/publishers/civic-data.nt\n".utf8)
            .write(to: URL(fileURLWithPath: config))
        let node = try NodeProcess.start(arguments: ["--config", config])
        defer { node.stop() }
        #expect(try await node.status()["descriptions"] as? Int == 1)

        let bad = directory + "/bad.yaml"
        try Data("prot: 9000\n".utf8).write(to: URL(fileURLWithPath: bad))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NodeProcess.executable)
        process.arguments = ["serve", "--config", bad, "--db", directory + "/x.sqlite"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(message.contains("unknown key 'prot'"), "\(message)")
    }
}
