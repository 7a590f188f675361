import Foundation
import GRDB
import Mail
import Publishing
import Store

/// Queues a hints mail for every subscriber who is due: the selection with scattering, the
/// mail, and the exposure log, all of one subscriber's rows in one transaction.
///
/// Due means active and without a digest in the current window of their cadence. The catalogue,
/// the exposure counts and the resources of every interest are read once; subscribers are served
/// in an order drawn from the run's seed, so nobody is always first to the freshest locations.
///
/// Subscribers are served in batches of `batchSize`. A batch's hints are chosen in one
/// transaction; its mails are then signed and rendered on the other cores while that
/// transaction writes the batch before, and the next one writes them. A subscriber's mail, exposures and
/// last-sent time always commit together, and a batch pays for one commit instead of one per
/// subscriber. When the mail is written its subscriber and the counts of its locations are read
/// again, so a run cannot push a location past the scattering limit, nor mail someone who left,
/// even when the store changed since the hints were chosen. An error rolls back the batch being
/// written and ends the run; earlier batches stay queued, and the rest are still due for the
/// next run.
public struct DigestRun: Sendable {
    public let store: QuadStore
    public let settings: HubSettings
    public let identity: PeerIdentity
    /// Seconds one SPARQL interest may run.
    public var interestTimeout = 30.0
    /// Subscribers per write transaction: enough to make commits rare, few enough that a mail
    /// request or `rover subscribe` waiting for the store waits a fraction of a second.
    public var batchSize = 200

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

        // Each interest once, whoever shares it, as positions in the run's order (each
        // subscriber starts a walk at a point of their own); keywords in the catalogue's snapshot.
        let interests = Set(due.map(\.interest))
        let matcher = InterestMatcher(store: store, timeout: interestTimeout)
        let (catalogue, order, keywordAnswers) = try store.read { snapshot in
            let catalogue = try HintCatalogue.load(from: snapshot, now: now)
            let order = ResourceOrder(catalogue, seed: seed)
            return (catalogue, order, matcher.keywordPositions(for: interests, in: order, snapshot: snapshot))
        }
        let answers = keywordAnswers.merging(matcher.sparqlPositions(for: interests, in: order)) { keyword, _ in keyword }
        let picker = HintPicker(catalogue: catalogue, scatter: settings.scatter, seed: seed)
        var exposure = try ExposureLog(store: store).state()
        let composer = HintMailComposer(settings: settings, identity: identity)
        let size = max(1, batchSize)
        let batches = stride(from: 0, to: due.count, by: size).map { due[$0..<min($0 + size, due.count)] }

        // A pipeline: each transaction chooses a batch and starts its mails, then writes the
        // batch before it, whose mails were made meanwhile; so signing and MIME writing run on
        // the other cores while this thread works with the store.
        var pending: PendingMails?
        for index in 0...batches.count {
            try transaction(readOnly: dryRun) { db in
                let next = index < batches.count
                    ? PendingMails(try choose(batches[index], answers: answers, order: order, picker: picker,
                                              exposure: &exposure, report: &report, in: db),
                                   composer: composer, now: now, render: !dryRun)
                    : nil
                if let pending {
                    try record(pending, composer: composer, now: now, dryRun: dryRun, exposure: &exposure, report: &report, in: db)
                }
                pending = next
            }
        }
        return report
    }

    /// Each subscriber's hints, in order: each choice counts the locations given to those before
    /// it (in `exposure`, which the record of the batch corrects if the store takes any back).
    private func choose(_ batch: ArraySlice<Subscriber>, answers: [Interest: Result<[Int32], any Error>], order: ResourceOrder,
                        picker: HintPicker, exposure: inout HintPicker.Exposure, report: inout DigestReport,
                        in db: Database) throws -> [PendingMails.Choice] {
        var chosen: [PendingMails.Choice] = []
        for subscriber in batch {
            let resources: [Int32]
            switch answers[subscriber.interest] ?? .success([]) {
            case .success(let list): resources = list
            case .failure(let error):
                report.problems.append((subscriber.address, "\(error)"))
                continue
            }
            let known = try ExposureLog.locations(toldTo: subscriber.id, in: db)
            let hints = picker.pick(for: subscriber.id, resources: order.resources(at: resources), known: known,
                                    exposure: exposure, limit: subscriber.limit)
            guard !hints.isEmpty else {
                report.nothingNew += 1
                continue
            }
            for hint in hints { exposure.counts[hint.url, default: 0] += 1 }
            chosen.append((subscriber, hints))
        }
        return chosen
    }

    /// Queues the mails of a batch (or, in a dry run, lists them) once they are made.
    private func record(_ pending: PendingMails, composer: HintMailComposer, now: Date, dryRun: Bool,
                        exposure: inout HintPicker.Exposure, report: inout DigestReport, in db: Database) throws {
        for (choice, mail) in try pending.mails() {
            let queued = dryRun
                ? DigestReport.Digest(address: choice.subscriber.address, messageID: mail.message.messageID, hints: choice.hints)
                : try queue(choice.hints, for: choice.subscriber, mail: mail, composer: composer, now: now, in: db)
            // What the check inside the transaction took back was not told after all.
            let told = Set(queued?.hints.map(\.url) ?? [])
            for hint in choice.hints where !told.contains(hint.url) { exposure.counts[hint.url, default: 1] -= 1 }
            if let queued {
                report.digests.append(queued)
            } else {
                report.nothingNew += 1
            }
        }
    }

    /// A write transaction, or a read one for a dry run (which must not write).
    private func transaction(readOnly: Bool, _ body: (Database) throws -> Void) throws {
        if readOnly {
            try store.readSQL(body)
        } else {
            try store.writeSQL(body)
        }
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
    /// queues the mail (`mail`, made beforehand for `hints`; made again if the check keeps fewer
    /// or the subscriber changed meanwhile), logs the exposures and marks the subscriber served.
    /// The statements are cached: a run executes them for every subscriber.
    private func queue(_ hints: [Hint], for subscriber: Subscriber, mail: PendingMails.Mail,
                       composer: HintMailComposer, now: Date, in db: Database) throws -> DigestReport.Digest? {
        // Still active and still due (another run may have served them meanwhile).
        guard let current = try SubscriberBook.find(id: subscriber.id, in: db), current.status == .active,
              current.lastSent.map({ $0 < current.cadence.windowStart(containing: now) }) ?? true else { return nil }
        let urls = hints.map(\.url)
        let placeholders = Array(repeating: "?", count: urls.count).joined(separator: ",")
        var counts: [String: Int] = [:]
        var told: Set<String> = []
        var arguments = StatementArguments([subscriber.id])
        arguments += StatementArguments(urls)
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT location, count(*), max(subscriber = ?) FROM exposures WHERE location IN (\(placeholders)) GROUP BY location
            """), arguments: arguments) {
            counts[row[0]] = row[1]
            if row[2] as Bool { told.insert(row[0]) }
        }
        let blocked = Set(try String.fetchAll(
            db.cachedStatement(sql: "SELECT location FROM blocked_locations WHERE location IN (\(placeholders))"),
            arguments: StatementArguments(urls)))
        let kept = hints.filter { (counts[$0.url] ?? 0) < settings.scatter && !told.contains($0.url) && !blocked.contains($0.url) }
        guard !kept.isEmpty else { return nil }

        var message = mail.message
        var bytes = mail.bytes
        if kept.count != hints.count || current.address != subscriber.address || current.token != subscriber.token {
            message = try composer.message(for: current, hints: kept, now: now)
            bytes = nil
        }
        guard try Outbox.enqueue(message, rendered: bytes, subscriber: current.id, period: current.cadence.period(containing: now),
                                 now: now, in: db) else {
            return nil
        }
        let sent = HubTime.format(now)
        var rows = StatementArguments()
        for hint in kept { rows += [current.id, hint.url, hint.resource, sent, message.messageID] }
        let values = Array(repeating: "(?, ?, ?, ?, ?)", count: kept.count).joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT INTO exposures(subscriber, location, resource, sent, message_id) VALUES \(values)")
            .execute(arguments: rows)
        try db.cachedStatement(sql: "UPDATE subscribers SET last_sent = ? WHERE id = ?").execute(arguments: [sent, current.id])
        return DigestReport.Digest(address: current.address, messageID: message.messageID, hints: kept)
    }
}
