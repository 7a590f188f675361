import ArgumentParser
import Foundation
import Mail
import Node
import RedRover

struct RoverInboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Act on subscription requests mailed to the hub (from a Maildir, an mbox or standard input).",
        discussion: """
            Subject `subscribe` with the interest as the body's first line: a pending subscription, \
            and a confirmation mail (subject `confirm TOKEN`) queued for `rover send`. A reply to it \
            (a subject containing `confirm TOKEN`) activates the subscription; a subject containing \
            `unsubscribe TOKEN` (what every hints mail's List-Unsubscribe points at) ends it. \
            A message handled once is not handled again. As a mail filter:
              | grapevine rover inbox --from hub@example.org
            The hub's address and name, and the cadence and limit given to subscriptions made by \
            mail, can come from the rover: settings of --config FILE (from, hub_name, every, \
            limit), whose db: is the store when --db is not given; options win.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var hub: RoverHubOptions
    @OptionGroup var configFile: ConfigOptions

    @Option(help: "Read every message in this Maildir.", completion: .directory)
    var maildir: String?

    @Option(help: "Read every message in this mbox file.", completion: .file())
    var mbox: String?

    @Option(help: "The cadence of subscriptions made by mail (default: rover.every of --config, else 1d).")
    var every: String?

    @Option(help: "The hints per mail of subscriptions made by mail (default: rover.limit of --config, else 10).")
    var limit: Int?

    @Option(help: "Act as if it were this time (ISO 8601).")
    var now: RoverTime?

    func run() throws {
        try reportingErrors {
            if maildir != nil && mbox != nil { throw ValidationError("give --maildir or --mbox, not both") }
            let configuration = try configFile.load()
            let rover = configuration?.rover ?? RoverConfiguration()
            var handler = MailRequestHandler(store: try storeOptions.applying(configuration).open(), settings: try hub.settings(rover))
            handler.cadence = try every.map { try Cadence(parsing: $0) } ?? rover.every ?? .daily
            handler.limit = limit ?? rover.limit ?? handler.limit
            let messages: [RawMail] = if let maildir {
                try Maildir(path: maildir).messages()
            } else if let mbox {
                try Mbox(path: mbox).messages()
            } else {
                [try RawMail.standardInput()]
            }
            var refused = 0
            for message in messages {
                do {
                    print(try handler.handle(message, now: now?.date ?? Date()))
                } catch {
                    refused += 1
                    StandardError.write("grapevine: \(error)\n")
                }
            }
            if refused > 0 { throw ExitCode.failure }
        }
    }
}
