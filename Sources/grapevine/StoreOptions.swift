import ArgumentParser
import Node
import Publishing
import Store

/// `--db`, shared by every command that touches a store.
struct StoreOptions: ParsableArguments {
    static let defaultPathHelp = "$GRAPEVINE_DB, else $XDG_DATA_HOME/grapevine/grapevine.sqlite (~/.local/share/grapevine/grapevine.sqlite)"

    @Option(name: .long, help: ArgumentHelp("The store's SQLite file.", discussion: "Default: \(defaultPathHelp)."),
            completion: .file())
    var db: String?

    var path: String { db ?? StoreLocation.defaultPath() }

    /// These options with a configuration file's `db:` standing in for a missing --db.
    func applying(_ configuration: NodeConfiguration?) -> StoreOptions {
        var options = self
        if options.db == nil, let configuration { options.db = configuration.databasePath }
        return options
    }

    func open() throws -> QuadStore {
        try QuadStore(path: path)
    }

    /// The store's identity key (`<db>.key`).
    var keyFile: String { PeerIdentity.keyPath(forDatabase: path) }

    /// The store's identity, created on first use (and said so on stderr, since from then on
    /// the key file must be kept: it is what can replace or retract what is published now).
    func identity() throws -> PeerIdentity {
        let (identity, created) = try PeerIdentity.loadOrCreate(forDatabase: path)
        if created { StandardError.write("created identity \(identity.id) in \(keyFile)\n") }
        return identity
    }
}
