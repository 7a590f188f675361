import ArgumentParser
import Publishing

struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Print this store's peer id (the publisher id its descriptions are signed with).",
        discussion: "Query one publisher's descriptions with FROM <urn:grapevine:publisher:ID>."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            do {
                print(try PeerIdentity.load(forDatabase: store.path).id)
            } catch IdentityError.missing {
                StandardError.write("grapevine: no identity for \(store.path); run grapevine init\n")
                throw ExitCode.failure
            }
        }
    }
}
