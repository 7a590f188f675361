import ArgumentParser
import Store

/// `--db`, shared by every command that touches a store.
struct StoreOptions: ParsableArguments {
    static let defaultPathHelp = "$GRAPEVINE_DB, else $XDG_DATA_HOME/grapevine/grapevine.sqlite (~/.local/share/grapevine/grapevine.sqlite)"

    @Option(name: .long, help: ArgumentHelp("The store's SQLite file.", discussion: "Default: \(defaultPathHelp)."),
            completion: .file())
    var db: String?

    var path: String { db ?? StoreLocation.defaultPath() }

    func open() throws -> QuadStore {
        try QuadStore(path: path)
    }
}
