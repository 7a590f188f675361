import Foundation
import GRDB
import Mail
import Publishing
import RDFSyntax
import RedRover
import Store

/// A hub over a real store in a temporary folder, its catalogue published as real Turtle
/// through the publishing pipeline (parser, shapes and all).
final class HubFixture {
    let directory: String
    let store: QuadStore
    let identity = PeerIdentity.generate()
    let settings: HubSettings
    /// The run's clock: every test acts at this time, so expiries are exact.
    static let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18T…Z

    init(scatter: Int = 3) throws {
        directory = NSTemporaryDirectory() + "grapevine-hub-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try QuadStore(path: directory + "/hub.sqlite")
        settings = try HubSettings(address: MailAddress("hub@hints.example.org", name: "Red Rover"), scatter: scatter)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var book: SubscriberBook { SubscriberBook(store: store) }
    var log: ExposureLog { ExposureLog(store: store) }
    var outbox: Outbox { Outbox(store: store) }
    var run: DigestRun { DigestRun(store: store, settings: settings, identity: identity) }

    /// One resource of a generated catalogue.
    struct Resource {
        var iri: String
        var title: String
        var subject: String
        /// URL and hours from `now` until it expires (negative: already expired).
        var locations: [(url: String, hours: Double)]
    }

    /// `count` resources with `perResource` locations each, valid for two days; every fifth
    /// resource is about "jazz", the rest about "folk".
    static func catalogue(resources count: Int, locationsEach perResource: Int) -> [Resource] {
        (0..<count).map { index in
            Resource(iri: "https://catalogue.example.net/r/\(index)", title: "Recording number \(index)",
                     subject: index % 5 == 0 ? "jazz" : "folk",
                     locations: (0..<perResource).map { ("https://peer-\($0).example.org/r/\(index).ogg", 48) })
        }
    }

    /// Publishes the resources as one Turtle description.
    func publish(_ resources: [Resource], graph: String = "https://catalogue.example.net/graph") throws {
        var turtle = """
            @prefix gv: <https://w3id.org/grapevine/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

            """
        for resource in resources {
            let locations: String = resource.locations.map { location -> String in
                let until = Self.xsd(Self.now.addingTimeInterval(location.hours * 3600))
                return "[ gv:url <\(location.url)> ; gv:validUntil \"\(until)\"^^xsd:dateTime ]"
            }.joined(separator: ", ")
            // Typed: with GRDB imported, an untyped literal here would become GRDB's SQL.
            let statement: String = """
                <\(resource.iri)> a gv:Resource ; dcterms:title "\(resource.title)" ;
                    dcterms:subject "\(resource.subject)" ; gv:location \(locations) .

                """
            turtle += statement
        }
        let path = directory + "/catalogue-\(UUID().uuidString).ttl"
        try Data(turtle.utf8).write(to: URL(fileURLWithPath: path))
        let publisher = DescriptionPublisher(store: store, shapes: try ShapesGraph.bundled())
        try publisher.publish(PublishRequest(source: .file(path), graph: graph))
    }

    static func xsd(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// `count` active subscribers `reader-N@example.net` with `interest`.
    func subscribe(_ count: Int, interest: String = "?resource a gv:Resource", limit: Int = 10) throws {
        for index in 0..<count {
            try book.subscribe("reader-\(index)@example.net", interest: Interest(interest), limit: limit, now: Self.now)
        }
    }

    /// Rows of the exposure log: (subscriber address, location URL, resource).
    func exposures() throws -> [(address: String, url: String, resource: String)] {
        try store.readSQL { db in
            try Row.fetchAll(db, sql: """
                SELECT s.address, e.location, e.resource FROM exposures e JOIN subscribers s ON s.id = e.subscriber
                """).map { ($0[0], $0[1], $0[2]) }
        }
    }

    func count(_ sql: String) throws -> Int {
        try store.readSQL { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }
}
