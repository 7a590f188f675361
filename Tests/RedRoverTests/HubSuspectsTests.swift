import Foundation
import RedRover
import Testing

@Suite("Red Rover hub: leak tracing")
struct HubSuspectsTests {
    @Test("a planted leaker whose every location gets blocked ranks first among 100 subscribers")
    func plantedLeaker() throws {
        let hub = try HubFixture(scatter: 3)
        try hub.publish(HubFixture.catalogue(resources: 100, locationsEach: 3))
        try hub.subscribe(100, limit: 10)
        _ = try hub.run.queueDue(now: HubFixture.now, seed: 11)
        let exposures = try hub.exposures()
        let leaker = "reader-37@example.net"
        let leaked = Set(exposures.filter { $0.address == leaker }.map(\.url))
        #expect(leaked.count == 10)
        // Besides the leaker's, a few locations told to others are blocked too (noise).
        var generator = SystemRandomNumberGenerator()
        let others = Set(exposures.map(\.url)).subtracting(leaked).shuffled(using: &generator).prefix(5)
        try hub.log.block(Array(leaked) + others, now: HubFixture.now)

        let (suspects, total) = try hub.log.suspects(top: 5)
        #expect(total == 15)
        #expect(suspects.first?.address == leaker)
        #expect(suspects.first?.blockedKnown == 10)
        #expect(suspects.count == 5)
        #expect(suspects[0].score > suspects[1].score)
    }

    @Test("a tie in score goes to the subscriber told fewer locations in all")
    func tieBreak() throws {
        let hub = try HubFixture(scatter: 2)
        try hub.publish(HubFixture.catalogue(resources: 3, locationsEach: 1))
        try hub.book.subscribe("many@example.net", interest: Interest("?resource a gv:Resource"), limit: 3, now: HubFixture.now)
        try hub.book.subscribe("few@example.net", interest: Interest("?resource a gv:Resource"), limit: 1, now: HubFixture.now)
        _ = try hub.run.queueDue(now: HubFixture.now, seed: 5)
        let shared = try #require(try hub.exposures().first { $0.address == "few@example.net" }?.url)
        #expect(try hub.exposures().contains { $0.address == "many@example.net" && $0.url == shared })
        try hub.log.block([shared], now: HubFixture.now)
        let (suspects, _) = try hub.log.suspects()
        #expect(suspects.map(\.address) == ["few@example.net", "many@example.net"])
        #expect(suspects[0].score == suspects[1].score)
    }

    @Test("blocking an unknown URL names it and records none of the URLs given")
    func unknownLocation() throws {
        let hub = try HubFixture()
        try hub.publish(HubFixture.catalogue(resources: 2, locationsEach: 1))
        let known = "https://peer-0.example.org/r/0.ogg"
        #expect(throws: HubError.unknownLocation("https://nowhere.example.org/x")) {
            try hub.log.block([known, "https://nowhere.example.org/x"], now: HubFixture.now)
        }
        #expect(try hub.log.blocked().isEmpty)
        // A location the store describes can be blocked before anyone was told it.
        #expect(try hub.log.block([known], now: HubFixture.now).map(\.knownBy) == [0])
        #expect(try hub.log.blocked() == [known])
        #expect(try hub.log.suspects().suspects.isEmpty)
    }
}
