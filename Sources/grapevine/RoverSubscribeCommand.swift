import ArgumentParser
import RedRover

struct RoverSubscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Subscribe an address to hints (or change a subscriber's interest, cadence or limit).",
        discussion: """
            The interest is keywords, searched in the text of every description, or SPARQL: a \
            graph pattern or a SELECT that binds ?resource (gv:, dcterms:, rdf:, rdfs:, xsd: and \
            foaf: are declared). Text naming ?resource or holding braces is taken as SPARQL unless \
            --keywords says otherwise.

              grapevine rover subscribe ann@example.org --interest 'danube field recordings'
              grapevine rover subscribe bo@example.net --every 12h --limit 5 \\
                  --interest '?resource dcterms:subject "jazz" ; dcterms:format "audio/flac"'
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The subscriber's mail address.")
    var address: String

    @Option(help: "Keywords, or a SPARQL pattern or SELECT binding ?resource.")
    var interest: String

    @Flag(help: "Take the interest as keywords.")
    var keywords = false

    @Flag(help: "Take the interest as SPARQL.")
    var sparql = false

    @Option(help: "How often to mail them: 30m, 12h, 1d, 7d, 2w.")
    var every = "1d"

    @Option(help: "At most this many hints per mail.")
    var limit = 10

    func run() throws {
        try reportingErrors {
            if keywords && sparql { throw ValidationError("give --keywords or --sparql, not both") }
            let kind: Interest.Kind? = keywords ? .keywords : sparql ? .sparql : nil
            // Everything is checked before the store is opened: a bad request creates nothing.
            let interest = try Interest(self.interest, kind: kind)
            let cadence = try Cadence(parsing: every)
            let (subscriber, created) = try SubscriberBook(store: store.open())
                .subscribe(address, interest: interest, cadence: cadence, limit: limit)
            print("\(created ? "subscribed" : "updated") \(subscriber.address): \(interest.kind.rawValue) interest, every \(cadence), up to \(limit) hints")
        }
    }
}
