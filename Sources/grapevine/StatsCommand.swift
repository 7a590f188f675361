import ArgumentParser
import Foundation
import Store

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the store's size: descriptions, graphs, quads, distinct terms, bytes on disk."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let stats = try store.open().statistics()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(stats), as: UTF8.self))
                return
            }
            let rows: [(String, String)] = [
                ("store", stats.path),
                ("descriptions", stats.descriptions.formatted()),
                ("graphs", stats.graphs.formatted()),
                ("quads", stats.quads.formatted()),
                ("terms", stats.terms.formatted()),
                ("size", ByteCountFormatter.string(fromByteCount: Int64(stats.databaseBytes), countStyle: .file)
                    + " (\(stats.databaseBytes.formatted()) bytes)"),
            ]
            let width = rows.map(\.0.count).max() ?? 0
            for (name, value) in rows {
                print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
            }
        }
    }
}
