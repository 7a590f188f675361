import ArgumentParser
import RedRover

struct RoverUnsubscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsubscribe",
        abstract: "End a subscription (what they were told stays in the exposure log).",
        discussion: "Mail still queued for them is withdrawn, not sent."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The subscriber's mail address.")
    var address: String

    func run() throws {
        try reportingErrors {
            let subscriber = try SubscriberBook(store: store.open()).unsubscribe(address)
            print("unsubscribed \(subscriber.address)")
        }
    }
}
