import ArgumentParser
import Publishing

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create this store's identity (an Ed25519 key) and print its peer id.",
        discussion: """
            The key is written to <db>.key beside the store, readable by you only. Everything \
            this store publishes is signed with it, and its peer id names you as the publisher \
            on every peer. `publish` creates the identity on first use; `init` does it ahead, \
            and never replaces an existing key.
            """
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let identity = try PeerIdentity.create(forDatabase: store.path)
            print(identity.id)
            StandardError.write("created identity \(identity.id) in \(store.keyFile)\n")
        }
    }
}
