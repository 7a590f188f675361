import ArgumentParser
import Publishing
import RedRover

struct HintsTrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Trust hubs' hints for this store (kept in <db>.hubs); without ids, list the trusted hubs.",
        discussion: "A hub's peer id is what `grapevine whoami` prints on the hub. Remove one by editing the file."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("Peer ids of hubs to trust.", valueName: "HUB_PEER_ID"))
    var hubs: [String] = []

    func validate() throws {
        for text in hubs where PeerID(text) == nil {
            throw ValidationError("'\(text)' is not a hub's peer id (52 base32 characters, as `grapevine whoami` prints on the hub)")
        }
    }

    func run() throws {
        try reportingErrors {
            if hubs.isEmpty {
                for hub in try TrustedHubs.load(forDatabase: store.path).hubs { print(hub) }
                return
            }
            let added = try TrustedHubs.add(hubs.compactMap { PeerID($0) }, forDatabase: store.path)
            for hub in added { print("trusting hub \(hub)") }
            if added.isEmpty { print("already trusted") }
        }
    }
}
