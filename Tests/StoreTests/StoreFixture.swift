import Foundation
import GRDB
import RDF
import Store

/// A fresh store in a temporary directory, removed when the test ends.
final class StoreFixture {
    let directory: String
    let path: String
    let store: QuadStore

    init() throws {
        directory = NSTemporaryDirectory() + "grapevine-store-tests-" + UUID().uuidString
        path = directory + "/store.sqlite"
        store = try QuadStore(path: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Publishes quads under `graph`, keeping `body` verbatim.
    @discardableResult
    func publish(_ graph: String, _ quads: [Quad], body: String? = nil,
                 check: (DescriptionReader) throws -> Void = { _ in }) throws -> PublishOutcome {
        let bytes = body.map { Array($0.utf8) }
        return try store.publish(DescriptionHeader(graph: graph, source: "test", syntax: "ntriples"),
                                 load: { writer in
                                     if let bytes { try bytes.withUnsafeBytes { try writer.appendBody($0) } }
                                     try writer.add(quads)
                                 }, check: check)
    }

    func quads(graph: String? = nil) throws -> [Quad] {
        var result: [Quad] = []
        try store.export(graph: graph) { result.append($0) }
        return result
    }

    /// Every row of every table, as text: equal dumps mean an unchanged store.
    func dump() throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var lines: [String] = []
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name")
            lines += tables
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }.sorted()
            }
            return lines.joined(separator: "\n")
        }
    }
}

func iri(_ name: String) -> Term { .iri("http://example.org/" + name) }
