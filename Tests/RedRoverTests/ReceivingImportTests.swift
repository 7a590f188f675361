import Foundation
import GRDB
import Mail
import Publishing
import RDF
import RedRover
import SPARQL
import Store
import Testing

@Suite("Receiving hints: importing into the store")
struct ReceivingImportTests {
    typealias F = BlockFixtures
    typealias S = SubscriberFixture
    let now = BlockFixtures.issued.addingTimeInterval(60)

    @Test("a hint mail imports its hints as the hub's graph, which SPARQL finds")
    func imports() throws {
        let subscriber = try S()
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id])
        let report = try receiver.receive(S.mail(F.block(), messageID: "first@hints.example.org"), now: now)
        #expect(report.imports == [HubImport(hub: F.hub.id, imported: 3, expired: 0, current: 3)])
        #expect(report.messageID == "first@hints.example.org")

        let current = try ReceivedHint.current(in: subscriber.store, now: now)
        #expect(Set(current.map(\.hint)) == Set(F.hints))
        #expect(current.map(\.hint.url).first == "https://mirror.example.net/maps.pdf?x=1&y=2")  // soonest to expire
        #expect(current.allSatisfy { $0.hub == F.hub.id && $0.messageID == "first@hints.example.org" && $0.received == now })
        #expect(try subscriber.graphURLs(of: F.hub.id) == F.hints.map(\.url).sorted())

        let query = try SPARQLParser.parse("""
            PREFIX gv: <https://w3id.org/grapevine/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?title ?url WHERE {
              GRAPH <urn:grapevine:hints:\(F.hub.id)> { ?r a gv:Resource ; dcterms:title ?title ; gv:location [ gv:url ?url ] }
            } ORDER BY ?url
            """)
        guard case .solutions(let table) = try QueryEngine(store: subscriber.store).execute(query) else {
            Issue.record("not a SELECT result")
            return
        }
        #expect(table.rows.map { $0[1] } == F.hints.map(\.url).sorted().map { Term.iri($0) })
        #expect(table.rows.contains { $0[0] == .literal("Carte des rivières — 1790 \"draft\"") })
    }

    @Test("hints that expired before they arrived are dropped and counted")
    func dropsExpired() throws {
        let subscriber = try S()
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id])
        // Two hours in: the maps hint (1 h) has expired, the flac (2 h) just has, the delta (24 h) has not.
        let later = F.issued.addingTimeInterval(7_200)
        let report = try receiver.receive(S.mail(F.block()), now: later)
        #expect(report.imports == [HubImport(hub: F.hub.id, imported: 1, expired: 2, current: 1)])
        #expect(try ReceivedHint.current(in: subscriber.store, now: later).map(\.hint) == [F.hints[0]])
        #expect(try subscriber.graphURLs(of: F.hub.id) == [F.hints[0].url])
    }

    @Test("a message whose hints have all expired leaves no graph behind")
    func allExpired() throws {
        let subscriber = try S()
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id])
        _ = try receiver.receive(S.mail(F.block()), now: now)
        let dayLater = F.issued.addingTimeInterval(90_000)
        let report = try receiver.receive(S.mail(F.block()), now: dayLater)
        #expect(report.imports == [HubImport(hub: F.hub.id, imported: 0, expired: 3, current: 0)])
        #expect(try subscriber.graphURLs(of: F.hub.id) == nil)
        #expect(try subscriber.store.readSQL { try Int.fetchOne($0, sql: "SELECT count(*) FROM received_hints") } == 0)
    }

    @Test("a later mail adds to the hub's graph; a late old mail cannot shorten a hint; importing twice changes nothing")
    func laterMails() throws {
        let subscriber = try S()
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id])
        var longer = F.hints[1]
        longer.validUntil = F.issued.addingTimeInterval(10 * 3_600)
        let extra = Hint(resource: "https://catalogue.example.org/r/songs", title: "Songs", url: "https://peer-3.example.org/songs.zip",
                         validUntil: F.issued.addingTimeInterval(5 * 3_600))
        _ = try receiver.receive(S.mail(F.block([longer, extra], issued: F.issued.addingTimeInterval(30))), now: now)
        let once = try subscriber.dump()
        _ = try receiver.receive(S.mail(F.block([longer, extra], issued: F.issued.addingTimeInterval(30))), now: now)
        #expect(try subscriber.dump() == once)
        _ = try receiver.receive(S.mail(F.block()), now: now)  // older, with the 1 h maps hint
        let current = try ReceivedHint.current(in: subscriber.store, now: now)
        #expect(current.count == 4)
        #expect(current.first { $0.hint.url == longer.url }?.hint.validUntil == longer.validUntil)
        #expect(try subscriber.graphURLs(of: F.hub.id)?.count == 4)
    }

    @Test("two hubs keep two graphs; each message's block goes to its own hub")
    func twoHubs() throws {
        let subscriber = try S()
        let receiver = HintReceiver(store: subscriber.store, trusting: [F.hub.id, F.otherHub.id])
        _ = try receiver.receive(S.mail(F.block()), now: now)
        _ = try receiver.receive(S.mail(F.block([F.hints[1]], by: F.otherHub)), now: now)
        #expect(try subscriber.graphURLs(of: F.hub.id)?.count == 3)
        #expect(try subscriber.graphURLs(of: F.otherHub.id) == [F.hints[1].url])
        #expect(try ReceivedHint.current(in: subscriber.store, now: now).count == 4)
    }
}
