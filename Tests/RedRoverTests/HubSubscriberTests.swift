import Foundation
import RedRover
import Testing

@Suite("Red Rover hub: subscribers")
struct HubSubscriberTests {
    @Test("subscribing adds an active subscriber; subscribing again changes them in place")
    func subscribeAndUpdate() throws {
        let hub = try HubFixture()
        let (first, created) = try hub.book.subscribe("Ann@Example.org", interest: Interest("danube field recordings"),
                                                      cadence: Cadence(parsing: "12h"), limit: 5, now: HubFixture.now)
        #expect(created)
        #expect(first.status == .active)
        #expect(first.interest.kind == .keywords)
        #expect(first.cadence.seconds == 43_200)
        let (second, createdAgain) = try hub.book.subscribe("ann@example.org", interest: Interest("?resource a gv:Resource"),
                                                            limit: 3, now: HubFixture.now)
        #expect(!createdAgain)
        #expect(second.id == first.id)
        #expect(second.interest.kind == .sparql)
        #expect(second.limit == 3)
        let listed = try hub.book.list()
        #expect(listed.count == 1)
        #expect(listed[0].hintsExposed == 0)
    }

    @Test("a bad address, interest, cadence or limit is refused and stores nothing")
    func refusals() throws {
        let hub = try HubFixture()
        #expect(throws: HubError.self) { try hub.book.subscribe("not an address", interest: Interest("jazz")) }
        #expect(throws: HubError.self) { try hub.book.subscribe("ann@", interest: Interest("jazz")) }
        #expect(throws: HubError.self) { try hub.book.subscribe("ann@example.org", interest: Interest("jazz"), limit: 0) }
        #expect(throws: HubError.self) { try hub.book.subscribe("ann@example.org", interest: Interest("jazz"), limit: 1_000) }
        #expect(try hub.book.list().isEmpty)
    }

    @Test("a SPARQL interest's syntax error names its line and column in the interest as written")
    func sparqlErrors() {
        #expect(throws: HubError.invalidInterest("line 2, column 15: expected an expression, found ')'")) {
            try Interest("?resource a gv:Resource .\n  FILTER(?x = )")
        }
        #expect(throws: HubError.self) { try Interest("?r a gv:Resource", kind: .sparql) }
        #expect(throws: HubError.self) { try Interest("ASK { ?resource a gv:Resource }") }
        #expect(throws: HubError.self) { try Interest("SELECT ?r WHERE { ?r a gv:Resource }") }
        #expect(throws: HubError.self) { try Interest("{ ?resource a gv:Resource ") }
        #expect(throws: HubError.self) { try Interest("  - * ") }
        #expect(throws: HubError.self) { try Interest("") }
    }

    @Test("the kind of an interest is detected: ?resource, braces or SELECT mean SPARQL")
    func detection() throws {
        #expect(Interest.detectKind("jazz field recordings") == .keywords)
        #expect(Interest.detectKind("?resource dcterms:subject \"jazz\"") == .sparql)
        #expect(Interest.detectKind("SELECT ?resource WHERE { ?resource a gv:Resource }") == .sparql)
        #expect(Interest.detectKind("{ ?x a gv:Resource }") == .sparql)
        #expect(try Interest("SELECT ?resource WHERE { ?resource a gv:Resource }").kind == .sparql)
        #expect(try Interest("jazz {live}", kind: .keywords).kind == .keywords)
    }

    @Test("cadences read as a number and a unit, and print back the same way")
    func cadences() throws {
        #expect(try Cadence(parsing: "12h").seconds == 43_200)
        #expect(try Cadence(parsing: "1d").seconds == 86_400)
        #expect(try Cadence(parsing: "7d").description == "1w")
        #expect(try Cadence(parsing: "36h").description == "36h")
        for bad in ["3q", "0d", "d", "1.5d", "-1d", "30s", "99999w"] {
            #expect(throws: HubError.invalidCadence(bad)) { try Cadence(parsing: bad) }
        }
        let day = try Cadence(parsing: "1d")
        let noon = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(day.windowStart(containing: noon) <= noon)
        #expect(day.period(containing: noon) == day.period(containing: day.windowStart(containing: noon)))
        #expect(day.period(containing: noon) != day.period(containing: noon.addingTimeInterval(86_400)))
    }

    @Test("unsubscribing marks the subscriber, keeps them listed, and refuses an unknown address")
    func unsubscribe() throws {
        let hub = try HubFixture()
        try hub.book.subscribe("ann@example.org", interest: Interest("jazz"))
        #expect(throws: HubError.noSuchSubscriber("bo@example.org")) { try hub.book.unsubscribe("bo@example.org") }
        #expect(try hub.book.unsubscribe("ANN@example.org").status == .unsubscribed)
        #expect(try hub.book.list().map(\.subscriber.status) == [.unsubscribed])
    }
}
