import Foundation
import GRDB
import RedRover
import Testing

@Suite("Red Rover hub: selection with scattering")
struct HubScatteringTests {
    /// 100 resources × 3 live locations = 300 locations, plus 20 expired ones on resources of their own.
    static func catalogue() -> [HubFixture.Resource] {
        var resources = HubFixture.catalogue(resources: 100, locationsEach: 3)
        for index in 0..<20 {
            resources.append(.init(iri: "https://catalogue.example.net/old/\(index)", title: "Old \(index)", subject: "folk",
                                   locations: [("https://gone.example.org/\(index).ogg", -1)]))
        }
        return resources
    }

    @Test("100 subscribers, 300 locations, k = 3: no location reaches more than 3, nothing expired or blocked goes out")
    func scattering() throws {
        let hub = try HubFixture(scatter: 3)
        try hub.publish(Self.catalogue())
        try hub.subscribe(100, limit: 10)
        let blocked = ["https://peer-0.example.org/r/1.ogg", "https://peer-2.example.org/r/7.ogg"]
        try hub.log.block(blocked, now: HubFixture.now)

        let report = try hub.run.queueDue(now: HubFixture.now, seed: 7)
        #expect(report.due == 100)
        let exposures = try hub.exposures()
        let perLocation = Dictionary(grouping: exposures, by: \.url).mapValues(\.count)
        let perSubscriber = Dictionary(grouping: exposures, by: \.address)
        #expect(perLocation.values.max() == 3)
        #expect(perSubscriber.values.allSatisfy { $0.count <= 10 })
        // 298 usable locations × 3 = 894 fit, 1000 were asked for: whoever got fewer than 10
        // could have had nothing more (each resource they lack is at its limit everywhere).
        let usable = Set((0..<100).flatMap { r in (0..<3).map { "https://peer-\($0).example.org/r/\(r).ogg" } }).subtracting(blocked)
        #expect(exposures.count > 800)
        for (_, told) in perSubscriber where told.count < 10 {
            let held = Set(told.map(\.resource))
            let spare = usable.filter { url in
                (perLocation[url] ?? 0) < 3 && !held.contains("https://catalogue.example.net/r/" + url.split(separator: "/").last!.dropLast(4))
            }
            #expect(spare.isEmpty)
        }
        #expect(exposures.allSatisfy { !$0.url.hasPrefix("https://gone.") && !blocked.contains($0.url) })
        // Nobody holds two live locations of one resource.
        #expect(perSubscriber.values.allSatisfy { Set($0.map(\.resource)).count == $0.count })
        // One queued mail per subscriber served, with the exposures it carries.
        #expect(try hub.count("SELECT count(*) FROM outbox") == report.digests.count)
        #expect(try hub.count("SELECT count(DISTINCT message_id) FROM exposures") == report.digests.count)

        // A rerun in the same window queues nothing and tells nobody anything.
        let again = try hub.run.queueDue(now: HubFixture.now.addingTimeInterval(600), seed: 8)
        // (Only those who got nothing are still due, and there is still nothing for them.)
        #expect(again.due == 100 - report.digests.count)
        #expect(again.digests.isEmpty)
        #expect(try hub.exposures().count == 894)
        #expect(try hub.count("SELECT count(*) FROM outbox") == report.digests.count)

        // The next day every location is at its limit: nothing more can be told.
        let nextDay = try hub.run.queueDue(now: HubFixture.now.addingTimeInterval(86_400), seed: 9)
        #expect(nextDay.due == 100)
        #expect(nextDay.digests.isEmpty)
        #expect(Dictionary(grouping: try hub.exposures(), by: \.url).values.allSatisfy { $0.count <= 3 })
    }

    @Test("the least exposed locations go first: with room to spare, no location is told twice")
    func spreading() throws {
        let hub = try HubFixture(scatter: 3)
        try hub.publish(HubFixture.catalogue(resources: 30, locationsEach: 2))
        try hub.subscribe(6, limit: 5)
        _ = try hub.run.queueDue(now: HubFixture.now, seed: 1)
        let perLocation = Dictionary(grouping: try hub.exposures(), by: \.url).mapValues(\.count)
        // 30 exposures and 60 fresh locations: nobody is told a location someone else knows.
        #expect(perLocation.count == 30)
        #expect(perLocation.values.allSatisfy { $0 == 1 })
    }

    @Test("keyword and SPARQL interests select only what they ask for")
    func interests() throws {
        let hub = try HubFixture()
        try hub.publish(HubFixture.catalogue(resources: 40, locationsEach: 1))
        try hub.book.subscribe("jazz@example.net", interest: Interest("jazz"), limit: 100, now: HubFixture.now)
        try hub.book.subscribe("sparql@example.net", interest: Interest("?resource dcterms:subject \"folk\""), limit: 100,
                                now: HubFixture.now)
        try hub.book.subscribe("nobody@example.net", interest: Interest("bagpipes"), now: HubFixture.now)
        let report = try hub.run.queueDue(now: HubFixture.now, seed: 3)
        #expect(report.nothingNew == 1)
        let byAddress = Dictionary(grouping: try hub.exposures(), by: \.address)
        let jazz = Set((byAddress["jazz@example.net"] ?? []).map(\.resource))
        let folk = Set((byAddress["sparql@example.net"] ?? []).map(\.resource))
        #expect(jazz.count == 8)
        #expect(folk.count == 32)
        #expect(jazz.isDisjoint(with: folk))
        #expect(byAddress["nobody@example.net"] == nil)
    }

    @Test("a dry run chooses as a real run would, and writes nothing; one seed, one choice")
    func dryRunAndSeed() throws {
        let hub = try HubFixture(scatter: 1)
        try hub.publish(HubFixture.catalogue(resources: 20, locationsEach: 2))
        try hub.subscribe(5, limit: 3)
        let first = try hub.run.queueDue(now: HubFixture.now, seed: 42, dryRun: true)
        let second = try hub.run.queueDue(now: HubFixture.now, seed: 42, dryRun: true)
        #expect(first.digests.map { $0.hints.map(\.url) } == second.digests.map { $0.hints.map(\.url) })
        #expect(first.digests.count == 5)
        #expect(try hub.count("SELECT count(*) FROM outbox") == 0)
        #expect(try hub.count("SELECT count(*) FROM exposures") == 0)
        let real = try hub.run.queueDue(now: HubFixture.now, seed: 42)
        #expect(real.digests.map { $0.hints.map(\.url) } == first.digests.map { $0.hints.map(\.url) })
    }

    @Test("when a known location is blocked, the subscriber gets another location of the same resource")
    func rotation() throws {
        let hub = try HubFixture(scatter: 5)
        try hub.publish([.init(iri: "https://catalogue.example.net/r/only", title: "Only", subject: "folk",
                               locations: [("https://a.example.org/only.ogg", 72), ("https://b.example.org/only.ogg", 72)])])
        try hub.subscribe(1)
        let first = try hub.run.queueDue(now: HubFixture.now, seed: 1)
        let firstURL = try #require(first.digests.first?.hints.first?.url)
        #expect(first.digests.first?.hints.count == 1)
        // While the first is live, the next day brings nothing new about the same resource.
        #expect(try hub.run.queueDue(now: HubFixture.now.addingTimeInterval(86_400), seed: 1).digests.isEmpty)
        try hub.log.block([firstURL], now: HubFixture.now)
        let third = try hub.run.queueDue(now: HubFixture.now.addingTimeInterval(2 * 86_400), seed: 1)
        let other = firstURL.contains("//a.") ? "https://b.example.org/only.ogg" : "https://a.example.org/only.ogg"
        #expect(third.digests.first?.hints.map(\.url) == [other])
    }
}
