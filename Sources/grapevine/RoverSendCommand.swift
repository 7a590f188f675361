import ArgumentParser
import Foundation
import Mail
import Node
import Publishing
import RedRover

struct RoverSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Queue a hints mail for every subscriber due, then deliver the outbox.",
        discussion: """
            A subscriber is due once per window of their cadence (a daily cadence turns at \
            midnight UTC), so running this every hour from cron sends each of them one mail a day; \
            a rerun in the same window queues nothing. Queued mail is delivered in order: a \
            temporary failure (server down, 4xx) stays queued and is retried after 30 s, doubling \
            up to an hour; a permanent one (5xx) is marked failed (see `rover outbox`). After five \
            temporary failures in a row the rest waits for the next run.

            The hub's address, name, scatter and mail server come from the options, then \
            GRAPEVINE_ROVER_FROM and GRAPEVINE_SMTP_URL, then the rover: settings of --config FILE \
            (the node's YAML configuration: from, hub_name, scatter, smtp or sendmail, starttls, \
            ca_file), whose db: is the store when --db is not given.

            Exits 1 when a message failed permanently in this run.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var hub: RoverHubOptions
    @OptionGroup var delivery: RoverDeliveryOptions
    @OptionGroup var configFile: ConfigOptions

    @Flag(name: .customLong("dry-run"), help: "Show what would be queued and delivered; change nothing, send nothing.")
    var dryRun = false

    @Flag(name: .customLong("queue-only"), help: "Queue the digests but deliver nothing.")
    var queueOnly = false

    @Flag(name: .customLong("retry-now"), help: "Retry deferred mail now, without waiting out its back-off.")
    var retryNow = false

    @Option(help: "Act as if it were this time (ISO 8601).")
    var now: RoverTime?

    @Option(help: "Seed for the choice among equally exposed locations (repeatable runs).")
    var seed: UInt64?

    func run() async throws {
        do {
            try await send()
        } catch {
            throw fail(error)
        }
    }

    private func send() async throws {
        let configuration = try configFile.load()
        let store = storeOptions.applying(configuration)
        let rover = configuration?.rover ?? RoverConfiguration()
        let settings = try hub.settings(rover)
        let mailer = try delivery.delivery(rover)
        if mailer == nil && !dryRun && !queueOnly {
            throw ValidationError("""
                no mail server: give --smtp URL or --sendmail PROGRAM (or set GRAPEVINE_SMTP_URL, or rover.smtp \
                in --config FILE), or --queue-only
                """)
        }
        let database = try store.open()
        let lock = dryRun ? nil : try RoverLock(database: store.path)
        let now = now?.date ?? Date()
        // A dry run signs with a throwaway key rather than create the store's key file.
        let identity = dryRun ? ((try? PeerIdentity.load(forDatabase: store.path)) ?? PeerIdentity.generate()) : try store.identity()

        let digests = try DigestRun(store: database, settings: settings, identity: identity).queueDue(now: now, seed: seed, dryRun: dryRun)
        for problem in digests.problems {
            StandardError.write("grapevine: \(problem.address): \(problem.reason)\n")
        }
        let outbox = Outbox(store: database)
        if dryRun {
            print("dry run as \(settings.name) <\(settings.address.address)>, each location told to at most \(settings.scatter)")
            for digest in digests.digests {
                print("would queue \(digest.hints.count) hint\(digest.hints.count == 1 ? "" : "s") for \(digest.address):")
                for hint in digest.hints { print("  \(hint.url)  \(hint.title)") }
            }
            let due = try outbox.due(now: now, ignoringBackOff: retryNow)
            for entry in due { print("would deliver message \(entry.id) to \(entry.recipient)") }
            print("dry run: \(digests.due) due, \(digests.digests.count) to queue, \(digests.nothingNew) with nothing new; \(due.count) queued mail to deliver")
            return
        }
        var report = DrainReport()
        if let mailer, !queueOnly {
            report = try await outbox.drain(through: mailer, now: now, ignoringBackOff: retryNow)
        }
        withExtendedLifetime(lock) {}
        for problem in report.deferred { StandardError.write("deferred message \(problem.id) to \(problem.recipient): \(problem.reason)\n") }
        for problem in report.failed { StandardError.write("failed message \(problem.id) to \(problem.recipient): \(problem.reason)\n") }
        var summary = "queued \(digests.digests.count) (\(digests.due) due, \(digests.nothingNew) with nothing new), "
            + "sent \(report.sent), deferred \(report.deferred.count), failed \(report.failed.count)"
        if report.notTried > 0 { summary += ", \(report.notTried) left for the next run (the server kept failing)" }
        print(summary)
        if !report.failed.isEmpty || !digests.problems.isEmpty { throw ExitCode.failure }
    }
}
