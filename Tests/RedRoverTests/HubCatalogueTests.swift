import Foundation
import Mail
import Publishing
import RDF
import RedRover
import SPARQL
import Store
import Testing

@Suite("Red Rover hub: the catalogue of offerable locations")
struct HubCatalogueTests {
    /// Hints another hub mailed to this store, valid for a day from the fixture's clock.
    static let received = [
        Hint(resource: "https://elsewhere.example.org/r/secret", title: "A location told in confidence",
             url: "https://hidden.example.org/secret.ogg", validUntil: HubFixture.now.addingTimeInterval(86_400)),
        Hint(resource: "https://catalogue.example.net/r/1", title: "Recording number 1",
             url: "https://hidden.example.org/1.ogg", validUntil: HubFixture.now.addingTimeInterval(86_400)),
    ]

    /// A hub store with a catalogue of its own that has also imported a hints mail from another hub.
    static func hubThatReceivesHints() throws -> HubFixture {
        let hub = try HubFixture()
        try hub.publish(HubFixture.catalogue(resources: 4, locationsEach: 1))
        let block = try HintBlock.sign(received, issued: HubFixture.now, by: BlockFixtures.otherHub)
        let receiver = HintReceiver(store: hub.store, trusting: [BlockFixtures.otherHub.id])
        let report = try receiver.receive(SubscriberFixture.mail(block), now: HubFixture.now)
        #expect(report.imports.first?.imported == 2)
        return hub
    }

    @Test("hints received from another hub are not offered as the hub's own")
    func skipsHintsGraphs() throws {
        let hub = try Self.hubThatReceivesHints()
        // The received hints are in the store, where a query over every graph finds them…
        let query = try SPARQLParser.parse("""
            PREFIX gv: <https://w3id.org/grapevine/ns#>
            SELECT ?url WHERE { ?r gv:location ?l . ?l gv:url ?url ; gv:validUntil ?until }
            """)
        guard case .solutions(let table) = try QueryEngine(store: hub.store).execute(query) else {
            Issue.record("not a SELECT result")
            return
        }
        let everywhere = Set(table.rows.compactMap { $0[0]?.iriValue })
        #expect(everywhere.isSuperset(of: Self.received.map(\.url)))

        // …but the catalogue holds only the hub's own four locations.
        let catalogue = try HintCatalogue.load(from: hub.store, now: HubFixture.now)
        #expect(Set(catalogue.hintsByURL.keys) == Set((0..<4).map { "https://peer-0.example.org/r/\($0).ogg" }))
        #expect(catalogue.hintsByResource["https://elsewhere.example.org/r/secret"] == nil)
        // A resource both describe keeps only the hub's location (and its title from the hub's graph).
        #expect(catalogue.hintsByResource["https://catalogue.example.net/r/1"]?.map(\.url) == ["https://peer-0.example.org/r/1.ogg"])

        // And a digest run tells a subscriber who wants everything only the hub's locations.
        try hub.subscribe(1)
        let report = try hub.run.queueDue(now: HubFixture.now, seed: 1)
        let told = Set(report.digests.flatMap(\.hints).map(\.url))
        #expect(told == Set(catalogue.hintsByURL.keys))
    }

    @Test("a store holding only received hints offers nothing")
    func onlyHints() throws {
        let hub = try HubFixture()
        let block = try HintBlock.sign(Self.received, issued: HubFixture.now, by: BlockFixtures.otherHub)
        _ = try HintReceiver(store: hub.store, trusting: [BlockFixtures.otherHub.id])
            .receive(SubscriberFixture.mail(block), now: HubFixture.now)
        #expect(try HintCatalogue.load(from: hub.store, now: HubFixture.now).locationCount == 0)
    }
}
