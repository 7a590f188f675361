import ArgumentParser

/// `grapevine hints`: the subscriber's side of Red Rover.
struct HintsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hints",
        abstract: "Import content hints mailed by a Red Rover hub, and list them.",
        discussion: """
            A hub mails plain-text lists of short-lived locations, ending in a signed block of the \
            same hints. `hints receive` checks that block against the hubs you trust and imports \
            the hints into the store as the graph urn:grapevine:hints:<hub>, where `grapevine query` \
            finds them; `hints list` shows the current ones.

            Trust a hub once (its peer id, as `grapevine whoami` prints it on the hub):
              grapevine hints trust HUB_PEER_ID
            then, from a mail filter (procmail, a .forward pipe, Sieve's pipe):
              grapevine hints receive < message
            or for a whole mailbox:
              grapevine hints receive --maildir ~/Maildir/.hints
            """,
        subcommands: [HintsReceiveCommand.self, HintsListCommand.self, HintsTrustCommand.self]
    )
}
