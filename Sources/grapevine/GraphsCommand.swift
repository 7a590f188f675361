import ArgumentParser
import Foundation
import Store

struct GraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphs",
        abstract: "List the published descriptions: graph, version, quads, syntax, source, publisher and expiry.",
        discussion: "Named graphs a description declares are listed under it; `unsigned` marks a description without a publisher."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            for record in try store.open().descriptions() {
                var line = "<\(record.graph)>  v\(record.version)  \(record.quadCount.formatted()) quads  \(record.syntax)  \(record.source)"
                line += "  publisher \(record.publisher ?? "unsigned")"
                if let expires = record.expires { line += "  expires \(expires.formatted(.iso8601))" }
                print(line)
                for named in record.namedGraphs { print("    <\(named)>") }
            }
        }
    }
}
