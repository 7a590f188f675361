import Foundation
import Testing

/// `Benchmarks/bench.py --smoke`: the comparison suite still runs end to end on tiny sizes, and
/// Grapevine, pyoxigraph and rdflib return the same rows for every query. It asserts nothing about
/// time. Needs python3 with pyoxigraph, rdflib and matplotlib (`scripts/setup debug --tests`),
/// rapper and GNU time; wrk is used when present.
@Suite("benchmark smoke run", .serialized)
struct BenchmarkSmokeTests {
    typealias Object = [String: Any]

    /// Runs the smoke benchmark into a temporary folder (never the repository's Benchmarks/) and
    /// returns its results.json.
    static func runSmoke(in workspace: Workspace) throws -> Object {
        let log = workspace.path + "/bench.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot + "/Benchmarks/bench.py", "--smoke",
                             "--grapevine", grapevineExecutable,
                             "--out", workspace.path + "/out", "--workdir", workspace.path + "/work"]
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.path)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        try #require(process.terminationStatus == 0, "bench.py --smoke exited \(process.terminationStatus):\n\(output.suffix(4000))")
        let data = try Data(contentsOf: URL(fileURLWithPath: workspace.path + "/out/results.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? Object)
    }

    @Test func smokeRunCompletesAndTheEnginesAgree() throws {
        let workspace = try Workspace()
        let results = try Self.runSmoke(in: workspace)

        for section in ["load", "query", "endpoint", "gossip", "mail"] {
            let value = try #require(results[section] as? Object, "no \(section) section")
            #expect(value["failure"] == nil, "\(section) failed: \(value["failure"] ?? "")")
        }

        let loads = try #require((results["load"] as? Object)?["rows"] as? [Object])
        #expect(Set(loads.compactMap { $0["engine"] as? String }) == ["rapper", "grapevine", "pyoxigraph", "rdflib"])
        for row in loads {
            #expect(row["failure"] is NSNull, "load by \(row["engine"] ?? "?") failed: \(row["failure"] ?? "")")
            #expect((row["triples_per_s"] as? Double ?? 0) > 0)
        }

        let sizes = try #require((results["query"] as? Object)?["sizes"] as? [Object])
        let queries = try #require(sizes.first?["queries"] as? [Object])
        #expect(queries.count == 9)
        for query in queries {
            let name = query["name"] as? String ?? "?"
            let engines = try #require(query["engines"] as? [String: Object])
            #expect(Set(engines.keys) == ["grapevine", "pyoxigraph", "rdflib"])
            for (engine, outcome) in engines {
                // At 20,000 triples every query of the mix has rows, so an empty answer is a failure too.
                #expect(outcome["status"] as? String == "ok", "\(engine) on \(name): \(outcome["error"] ?? outcome["status"] ?? "")")
                #expect((outcome["count"] as? Int ?? 0) > 0, "\(engine) found nothing for \(name)")
            }
            #expect(query["agree"] as? Bool == true, "engines disagree on \(name): \(query["differences"] ?? "")")
        }

        let gossip = try #require((results["gossip"] as? Object)?["rows"] as? [Object])
        #expect(gossip.allSatisfy { $0["failure"] == nil && ($0["protocol_median"] as? Double ?? 0) > 0 })
        let mail = try #require(results["mail"] as? Object)
        #expect((mail["queued"] as? Int ?? 0) > 0)

        for file in ["RESULTS.md", "results.png"] {
            #expect(FileManager.default.fileExists(atPath: workspace.path + "/out/" + file), "no \(file)")
        }
    }
}
