import Foundation
import GRDB
import Mail
import Publishing
import Store

/// Queues a hints mail for every subscriber who is due: the selection with scattering, the
/// mail, and the exposure log, one transaction per subscriber.
///
/// Due means active and without a digest in the current window of their cadence. The catalogue
/// and the exposure counts are read once; subscribers are served in an order drawn from the
/// run's seed, so nobody is always first to the freshest locations. Inside each subscriber's
/// transaction the counts of the chosen locations are read again, so two runs at once cannot
/// push a location past the scattering limit.
public struct DigestRun: Sendable {
    public let store: QuadStore
    public let settings: HubSettings
    public let identity: PeerIdentity
    /// Seconds one SPARQL interest may run.
    public var interestTimeout = 30.0

    public init(store: QuadStore, settings: HubSettings, identity: PeerIdentity) {
        self.store = store
        self.settings = settings
        self.identity = identity
    }

    /// Runs at `now`. A `seed` makes the choice among equal candidates repeatable; `dryRun`
    /// chooses and renders exactly as a real run but writes nothing.
    public func queueDue(now: Date = Date(), seed: UInt64? = nil, dryRun: Bool = false) throws -> DigestReport {
        let now = HubTime.wholeSeconds(now)
        let seed = seed.map(RunSeed.init) ?? .random()
        var report = DigestReport()
        let due = try dueSubscribers(now: now).sorted { (seed.rank($0.id), $0.id) < (seed.rank($1.id), $1.id) }
        report.due = due.count
        guard !due.isEmpty else { return report }

        let catalogue = try HintCatalogue.load(from: store, now: now)
        let picker = HintPicker(catalogue: catalogue, scatter: settings.scatter, seed: seed)
        var exposure = try ExposureLog(store: store).state()
        let matcher = InterestMatcher(store: store, timeout: interestTimeout)
        // Each interest's resources (or why it failed), asked once per run whoever shares it, in
        // an order drawn from the seed (each subscriber starts a walk at a point of their own).
        var ordered: [Interest: Result<[String], any Error>] = [:]
        let composer = HintMailComposer(settings: settings, identity: identity)

        for subscriber in due {
            let answer = ordered[subscriber.interest] ?? Result {
                try matcher.resources(for: subscriber.interest)
                    .filter { catalogue.hintsByResource[$0] != nil }
                    .sorted { (seed.rank($0), $0) < (seed.rank($1), $1) }
            }
            ordered[subscriber.interest] = answer
            let resources: [String]
            switch answer {
            case .success(let list): resources = list
            case .failure(let error):
                report.problems.append((subscriber.address, "\(error)"))
                continue
            }
            let known = try ExposureLog(store: store).locations(toldTo: subscriber.id)
            let hints = picker.pick(for: subscriber.id, resources: resources, known: known, exposure: exposure, limit: subscriber.limit)
            guard !hints.isEmpty else {
                report.nothingNew += 1
                continue
            }
            let queued: DigestReport.Digest?
            if dryRun {
                let message = try composer.message(for: subscriber, hints: hints, now: now)
                queued = DigestReport.Digest(address: subscriber.address, messageID: message.messageID, hints: hints)
            } else {
                queued = try store.writeSQL { db in
                    try queue(hints, for: subscriber, composer: composer, now: now, in: db)
                }
            }
            guard let queued else {
                report.nothingNew += 1
                continue
            }
            for hint in queued.hints { exposure.counts[hint.url, default: 0] += 1 }
            report.digests.append(queued)
        }
        return report
    }

    /// Active subscribers without a digest in their current window.
    func dueSubscribers(now: Date) throws -> [Subscriber] {
        try store.readSQL { db in
            try Row.fetchAll(db, sql: "SELECT * FROM subscribers WHERE status = 'active'").map(SubscriberBook.subscriber)
        }.filter { subscriber in
            subscriber.lastSent.map { $0 < subscriber.cadence.windowStart(containing: now) } ?? true
        }
    }

    /// Inside the subscriber's transaction: keeps the hints that are still within the limits,
    /// queues the mail, logs the exposures and marks the subscriber served.
    private func queue(_ hints: [Hint], for subscriber: Subscriber, composer: HintMailComposer, now: Date,
                       in db: Database) throws -> DigestReport.Digest? {
        // Still active and still due (another run may have served them meanwhile).
        guard let current = try SubscriberBook.find(id: subscriber.id, in: db), current.status == .active,
              current.lastSent.map({ $0 < current.cadence.windowStart(containing: now) }) ?? true else { return nil }
        let urls = hints.map(\.url)
        let placeholders = Array(repeating: "?", count: urls.count).joined(separator: ",")
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT location, count(*) AS n FROM exposures WHERE location IN (\(placeholders)) GROUP BY location",
                                    arguments: StatementArguments(urls)) {
            counts[row["location"]] = row["n"]
        }
        var toldArguments = StatementArguments([subscriber.id])
        toldArguments += StatementArguments(urls)
        let told = Set(try String.fetchAll(db, sql: "SELECT location FROM exposures WHERE subscriber = ? AND location IN (\(placeholders))",
                                           arguments: toldArguments))
        let blocked = Set(try String.fetchAll(db, sql: "SELECT location FROM blocked_locations WHERE location IN (\(placeholders))",
                                              arguments: StatementArguments(urls)))
        let kept = hints.filter { (counts[$0.url] ?? 0) < settings.scatter && !told.contains($0.url) && !blocked.contains($0.url) }
        guard !kept.isEmpty else { return nil }

        let message = try composer.message(for: current, hints: kept, now: now)
        guard try Outbox.enqueue(message, subscriber: current.id, period: current.cadence.period(containing: now), now: now, in: db) else {
            return nil
        }
        for hint in kept {
            try db.execute(sql: "INSERT INTO exposures(subscriber, location, resource, sent, message_id) VALUES (?, ?, ?, ?, ?)",
                           arguments: [current.id, hint.url, hint.resource, HubTime.format(now), message.messageID])
        }
        try db.execute(sql: "UPDATE subscribers SET last_sent = ? WHERE id = ?", arguments: [HubTime.format(now), current.id])
        return DigestReport.Digest(address: current.address, messageID: message.messageID, hints: kept)
    }
}
