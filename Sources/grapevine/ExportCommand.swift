import ArgumentParser
import RDF
import RDFSyntax
import Store

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store, or one graph, through Raptor's serializers.",
        discussion: """
            N-Quads and TriG keep graph names; N-Triples, Turtle and RDF/XML merge the graphs. \
            Blank nodes carry store-scoped labels so nodes of different descriptions stay apart.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Export only this named graph.")
    var graph: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .nquads

    func run() throws {
        try reportingErrors {
            let store = try store.open()
            let output = StandardOutput()
            let serializer = RDFSerializer(format: format) { output.write($0) }
            try store.export(graph: graph) { quad in
                try serializer.serialize(quad)
                if output.closed { throw ExitCode.success }
            }
            try serializer.finish()
            output.flush()
        }
    }
}
