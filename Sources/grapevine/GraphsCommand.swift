import ArgumentParser
import Foundation
import Store

struct GraphsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphs",
        abstract: "List the published descriptions: graph, version, quads, syntax and source."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            for record in try store.open().descriptions() {
                print("<\(record.graph)>  v\(record.version)  \(record.quadCount.formatted()) quads  \(record.syntax)  \(record.source)")
                for named in record.namedGraphs { print("    <\(named)>") }
            }
        }
    }
}
