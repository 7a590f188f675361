import ArgumentParser
import RedRover

struct RoverListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the subscribers: status, interest, cadence, limit, last mail and hints told."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            let listings = try SubscriberBook(store: store.open()).list()
            guard !listings.isEmpty else {
                print("no subscribers")
                return
            }
            var table = RoverTable(headers: ["ADDRESS", "STATUS", "EVERY", "LIMIT", "LAST SENT", "HINTS", "INTEREST"])
            for listing in listings {
                let subscriber = listing.subscriber
                var interest = subscriber.interest.text.split(whereSeparator: \.isNewline).joined(separator: " ")
                if interest.count > 60 { interest = String(interest.prefix(59)) + "…" }
                table.rows.append([subscriber.address, subscriber.status.rawValue, subscriber.cadence.description,
                                   String(subscriber.limit), RoverTime.format(subscriber.lastSent), String(listing.hintsExposed),
                                   "\(subscriber.interest.kind.rawValue): \(interest)"])
            }
            print(table.text, terminator: "")
        }
    }
}
