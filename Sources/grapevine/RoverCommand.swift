import ArgumentParser

/// `grapevine rover`: the hub's side of Red Rover.
struct RoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rover",
        abstract: "Run a Red Rover hub: mail subscribers short-lived hints, scattered, and trace leaks.",
        discussion: """
            A hub mails each subscriber, at their cadence, a plain-text list of resources that fit \
            their interest, each with a location and the time it stops working, followed by a block \
            of the same hints signed with the store's identity. Each location is told to at most k \
            subscribers (--scatter, 3); every hint sent is logged, so that when locations get \
            blocked, `rover suspects` can point at the subscriber who knew them all.

              grapevine rover subscribe ann@example.org --interest 'jazz field recordings' --every 1d
              grapevine rover send --from 'Hints <hub@example.org>' --smtp smtp://user:pw@mail.example.org:587
              grapevine rover blocked https://mirror.example.net/a.ogg https://peer.example.org/b.ogg
              grapevine rover suspects

            Mail reaches the hub too: `rover inbox` reads requests (subject `subscribe`, with the \
            interest as the first line; `confirm TOKEN`; `unsubscribe TOKEN`) from a Maildir or \
            standard input. GRAPEVINE_ROVER_FROM and GRAPEVINE_SMTP_URL stand for --from and --smtp; \
            `send` and `inbox` also read these settings from the rover: mapping of --config FILE \
            (the node's YAML configuration), where the options and variables win.
            """,
        subcommands: [
            RoverSubscribeCommand.self, RoverUnsubscribeCommand.self, RoverListCommand.self, RoverSendCommand.self,
            RoverOutboxCommand.self, RoverBlockedCommand.self, RoverSuspectsCommand.self, RoverInboxCommand.self,
        ]
    )
}
