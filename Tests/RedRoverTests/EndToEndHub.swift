import Foundation

/// A hub made with the real CLI: a store with a published catalogue, one subscriber, and
/// `grapevine rover send` delivering through an SMTP server.
final class EndToEndHub {
    let folder: String
    var db: String { folder + "/hub.sqlite" }
    let id: String

    static let subscriber = "ann@reader.example.net"
    /// Live today: the delta recordings (blank location) and the maps (a named location).
    static let liveURLs = ["https://mirror.example.net/maps.pdf", "https://peer-17.example.org/r/delta.ogg"]
    /// Valid only until 2021: offered by a hub that thinks it is 2020, expired on arrival.
    static let expiredURL = "https://peer-3.example.org/danube-songs.zip"

    /// Titles with non-ASCII (so the hub's mail is quoted-printable) that Windows-1252 can still hold.
    static let catalogue = """
        @prefix gv: <https://w3id.org/grapevine/ns#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://catalogue.example.org/r/delta> a gv:Resource ;
          dcterms:title "Field recordings of the Danube delta" ;
          gv:location [ gv:url <\(liveURLs[1])> ; gv:validUntil "2035-01-01T00:00:00Z"^^xsd:dateTime ] .
        <https://catalogue.example.org/r/maps> a gv:Resource ;
          dcterms:title "Carte des rivières — Danube, 1790" ;
          gv:location <https://catalogue.example.org/l/maps-1> .
        <https://catalogue.example.org/l/maps-1> gv:url <\(liveURLs[0])> ; gv:validUntil "2034-06-01T12:00:00Z"^^xsd:dateTime .
        <https://catalogue.example.org/r/songs> a gv:Resource ;
          dcterms:title "Danube songs" ;
          gv:location [ gv:url <\(expiredURL)> ; gv:validUntil "2021-01-01T00:00:00Z"^^xsd:dateTime ] .
        """

    init() throws {
        folder = try EndToEndProcesses.temporaryFolder("hub")
        let file = folder + "/catalogue.ttl"
        try Data(Self.catalogue.utf8).write(to: URL(fileURLWithPath: file))
        try Self.check(EndToEndProcesses.grapevine(["publish", "--db", folder + "/hub.sqlite", "--quiet", file]), "publish")
        try Self.check(EndToEndProcesses.grapevine(["rover", "subscribe", "--db", folder + "/hub.sqlite", Self.subscriber,
                                                    "--interest", "danube", "--keywords"]), "rover subscribe")
        id = try Self.check(EndToEndProcesses.grapevine(["whoami", "--db", folder + "/hub.sqlite"]), "whoami")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// `grapevine rover send` through `server` (as if at `now`, when given); the files the
    /// server delivered.
    func send(through server: EndToEndSMTPServer, now: String? = nil) throws -> [String] {
        var arguments = ["rover", "send", "--db", db, "--from", "Red Rover <hub@hints.example.org>", "--smtp", server.url]
        if let now { arguments += ["--now", now] }
        try Self.check(EndToEndProcesses.grapevine(arguments), "rover send")
        return try server.messages()
    }

    @discardableResult
    static func check(_ result: EndToEndProcesses.Result, _ what: String) throws -> String {
        guard result.status == 0 else {
            throw EndToEndFailure("grapevine \(what) exited \(result.status): \(result.stderr)\(result.stdout)")
        }
        return result.stdout
    }
}
