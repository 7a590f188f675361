import Foundation
import GRDB

/// A subscriber's store driven through the real CLI.
final class EndToEndSubscriber {
    let folder: String
    var db: String { folder + "/subscriber.sqlite" }

    init() throws {
        folder = try EndToEndProcesses.temporaryFolder("subscriber")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func grapevine(_ arguments: [String], stdin: Data? = nil) throws -> EndToEndProcesses.Result {
        try EndToEndProcesses.grapevine(arguments + ["--db", db], stdin: stdin)
    }

    /// `hints list`: the URL that starts each line.
    func listedURLs() throws -> [String] {
        let result = try grapevine(["hints", "list"])
        guard result.status == 0 else { throw EndToEndFailure("hints list exited \(result.status): \(result.stderr)") }
        return result.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }.sorted()
    }

    /// `grapevine query` for the URLs in a hub's hints graph, read from SPARQL JSON results.
    func queriedURLs(hub: String) throws -> [String] {
        let result = try grapevine(["query", "--format", "json", """
            PREFIX gv: <https://w3id.org/grapevine/ns#>
            SELECT ?url WHERE { GRAPH <urn:grapevine:hints:\(hub)> { ?r a gv:Resource ; gv:location/gv:url ?url } }
            """])
        guard result.status == 0,
              let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let bindings = (json["results"] as? [String: Any])?["bindings"] as? [[String: [String: String]]] else {
            throw EndToEndFailure("query exited \(result.status): \(result.stderr)\(result.stdout)")
        }
        return bindings.compactMap { $0["url"]?["value"] }.sorted()
    }

    /// Every row of every table of the store: equal dumps mean an unchanged store.
    func dump() throws -> String {
        let queue = try DatabaseQueue(path: db)
        defer { try? queue.close() }
        return try queue.read { db in
            var lines = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }.sorted()
            }
            return lines.joined(separator: "\n")
        }
    }
}
