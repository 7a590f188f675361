import ArgumentParser
import Store

struct RetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Remove published descriptions (and every graph they own) from the store.",
        discussion: "GRAPH is the description's graph IRI, as `grapevine graphs` lists it."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Graph IRIs of the descriptions to retract.")
    var graphs: [String]

    func run() throws {
        try reportingErrors {
            let store = try store.open()
            let known = Set(try store.descriptions().map(\.graph))
            // Check them all first, so a typo in the third name retracts nothing.
            if let missing = graphs.first(where: { !known.contains($0) }) {
                throw StoreError.noSuchGraph(missing)
            }
            for graph in graphs {
                try store.retract(graph: graph)
                print("retracted <\(graph)>")
            }
        }
    }
}
