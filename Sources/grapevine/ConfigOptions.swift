import ArgumentParser
import Node

/// `--config FILE` for the commands that share the node's configuration file: `db:` stands in
/// for a missing --db, `hubs:` adds trusted hubs, `rover:` holds the hub's settings. Options
/// given on the command line win.
struct ConfigOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The node's YAML configuration file (its db, hubs and rover settings); options given here win.",
                               valueName: "FILE"),
            completion: .file())
    var config: String?

    /// The file's settings, or nil without --config. Throws `ConfigurationError` naming the
    /// file, line and key of what is wrong.
    func load() throws -> NodeConfiguration? {
        try config.map(NodeConfiguration.load(from:))
    }
}
