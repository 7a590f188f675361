import ArgumentParser
import Foundation

/// The `grapevine` command: thin commands over the modules, one file each.
@main
struct Grapevine: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "grapevine",
        abstract: "Peer-to-peer resource discovery on RDF metadata.",
        discussion: """
            Grapevine keeps RDF descriptions of shared resources in a local SQLite quad store, one \
            named graph per description. Descriptions are parsed by Raptor (RDF/XML, RSS 1.0, \
            Turtle, N-Triples, N-Quads, TriG) and checked against the publishing rules in Schemas/.

            The store is \(StoreOptions.defaultPathHelp); every command takes --db PATH, and \
            GRAPEVINE_DB=PATH sets it for a whole session.

            Examples:
              grapevine publish SampleData/publishers/*.ttl
              grapevine stats
              grapevine export --format turtle --graph file:///srv/catalogue.ttl
              grapevine convert feed.rss --format ntriples
            """,
        version: version,
        subcommands: [
            PublishCommand.self, RetractCommand.self, ExportCommand.self, ConvertCommand.self,
            QueryCommand.self, ServeCommand.self, StatsCommand.self, GraphsCommand.self, PeersCommand.self,
            InitCommand.self, WhoamiCommand.self, SimulateCommand.self, HintsCommand.self, RoverCommand.self,
        ]
    )
}
