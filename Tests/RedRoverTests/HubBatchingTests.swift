import Foundation
import GRDB
@testable import RedRover
import Store
import Testing

@Suite("Red Rover hub: batches and the mail pipeline")
struct HubBatchingTests {
    /// The exposure log as (subscriber address, URL) pairs, sorted.
    static func told(_ hub: HubFixture) throws -> [String] {
        try hub.exposures().map { "\($0.address) \($0.url)" }.sorted()
    }

    @Test("batches of 1, 7 or all subscribers choose the same hints and keep every limit", arguments: [1, 7, 1_000])
    func batchSizeChangesNothing(batchSize: Int) throws {
        // 40 subscribers wanting 5 hints each from 60 locations at k = 2: the limits bind.
        func run(_ size: Int) throws -> (told: [String], report: DigestReport, hub: HubFixture) {
            let hub = try HubFixture(scatter: 2)
            try hub.publish(HubFixture.catalogue(resources: 30, locationsEach: 2))
            try hub.subscribe(40, limit: 5)
            var run = hub.run
            run.batchSize = size
            let report = try run.queueDue(now: HubFixture.now, seed: 11)
            return (try Self.told(hub), report, hub)
        }
        let reference = try run(1_000)
        let batched = try run(batchSize)
        #expect(batched.told == reference.told)
        #expect(batched.report.digests.map(\.address) == reference.report.digests.map(\.address))
        #expect(batched.report.due == 40)
        #expect(batched.report.digests.count + batched.report.nothingNew == 40)
        let perLocation = Dictionary(grouping: try batched.hub.exposures(), by: \.url).mapValues(\.count)
        #expect(perLocation.values.allSatisfy { $0 <= 2 })
        #expect(perLocation.count == 60, "every location reached its limit or was told")
        // One queued mail per digest, carrying exactly the exposures logged for it.
        #expect(try batched.hub.count("SELECT count(*) FROM outbox") == batched.report.digests.count)
        for digest in batched.report.digests {
            let urls = try batched.hub.store.readSQL { db in
                try String.fetchAll(db, sql: "SELECT location FROM exposures WHERE message_id = ?", arguments: [digest.messageID])
            }
            #expect(Set(urls) == Set(digest.hints.map(\.url)))
        }
    }

    @Test("a subscriber who leaves between the choice and the write gets no mail, and nothing is logged for them")
    func leavesMidRun() throws {
        // With a batch of one, subscriber n is chosen while n - 1 is written: unsubscribe the
        // second one from inside the store as soon as the first mail is queued.
        let hub = try HubFixture(scatter: 1)
        try hub.publish(HubFixture.catalogue(resources: 10, locationsEach: 1))
        try hub.subscribe(3, limit: 2)
        try hub.store.writeSQL { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER leave AFTER INSERT ON outbox WHEN (SELECT count(*) FROM outbox) = 1
                BEGIN UPDATE subscribers SET status = 'unsubscribed' WHERE id != NEW.subscriber AND status = 'active'
                      AND id = (SELECT min(id) FROM subscribers WHERE id != NEW.subscriber AND status = 'active'); END
                """)
        }
        var run = hub.run
        run.batchSize = 1
        let report = try run.queueDue(now: HubFixture.now, seed: 5)
        #expect(report.due == 3)
        #expect(report.digests.count == 2)
        #expect(report.nothingNew == 1)
        let left = try hub.store.readSQL { db in
            try String.fetchOne(db, sql: "SELECT address FROM subscribers WHERE status = 'unsubscribed'")
        }
        let leaver = try #require(left)
        #expect(!report.digests.contains { $0.address == leaver })
        #expect(try hub.exposures().allSatisfy { $0.address != leaver })
        #expect(try hub.count("SELECT count(*) FROM outbox") == 2)
    }
}
