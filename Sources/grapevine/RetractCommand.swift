import ArgumentParser
import Publishing
import Store

struct RetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Remove published descriptions (and every graph they own) from the store.",
        discussion: """
            GRAPH is the description's graph IRI, as `grapevine graphs` lists it. Each retraction \
            is signed with the store's identity and kept, so it reaches every peer that has the \
            description. Only descriptions this store published can be retracted; all the graphs \
            named go, or none.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Graph IRIs of the descriptions to retract.")
    var graphs: [String]

    func run() throws {
        try reportingErrors {
            let database = try store.open()
            let known = Set(try database.descriptions().map(\.graph))
            // Check them all first, so a typo in the third name retracts nothing (and creates no key).
            if let missing = graphs.first(where: { !known.contains($0) }) {
                throw StoreError.noSuchGraph(missing)
            }
            let publisher = DescriptionPublisher(store: database, shapes: nil, identity: try store.identity())
            for retraction in try publisher.retract(graphs) {
                print("retracted <\(retraction.graph)> v\(retraction.version)")
            }
        }
    }
}
