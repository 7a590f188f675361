import Foundation
import GRDB
import Testing

@Suite("kill -9 in the middle of a publish", .serialized)
struct InterruptedPublishTests {
    /// Writes an N-Triples file of `count` triples, large enough to take a while to load.
    func bigFile(in workspace: Workspace, count: Int) throws -> String {
        let path = workspace.path + "/big.nt"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var text = ""
        for index in 0..<count {
            text += "<http://example.org/r/\(index)> <http://example.org/p/\(index % 17)> \"value \(index)\" .\n"
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        handle.write(Data(text.utf8))
        try handle.close()
        return path
    }

    func graphQuadCount(_ db: String, graph: String) throws -> Int {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM quads WHERE g = (SELECT id FROM terms WHERE kind = 1 AND lexical = ?)
                """, arguments: [graph]) ?? 0
        }
    }

    @Test(arguments: [0.3, 0.8, 1.5])
    func theStoreHoldsTheOldGraphOrTheNewOneNeverAMix(delay: Double) throws {
        let workspace = try Workspace()
        let graph = "https://example.org/catalogue"
        let old = try workspace.file("old.nt", "<http://example.org/old> <http://example.org/p> \"old\" .\n")
        #expect(try grapevine(["publish", "--db", workspace.db, "--graph", graph, "--no-validate", old]).status == 0)
        let newTriples = 150_000
        let big = try bigFile(in: workspace, count: newTriples)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: grapevineExecutable)
        process.arguments = ["publish", "--db", workspace.db, "--graph", graph, "--no-validate", "--quiet", big]
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The load must really have been cut short, or this test proves nothing.
        #expect(process.terminationReason == .uncaughtSignal, "the publish finished before the kill")

        let count = try graphQuadCount(workspace.db, graph: graph)
        #expect(count == 1 || count == newTriples, "found \(count) quads: a mix of old and new")
        // And the store still works: publishing again succeeds and replaces cleanly.
        let again = try grapevine(["publish", "--db", workspace.db, "--graph", graph, "--no-validate", old])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try graphQuadCount(workspace.db, graph: graph) == 1)
    }
}
