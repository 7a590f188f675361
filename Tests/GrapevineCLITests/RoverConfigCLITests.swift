import Foundation
import Testing

@Suite("grapevine rover send --config", .serialized)
struct RoverConfigCLITests {
    /// Two resources with one live location each, and three subscribers who want everything.
    static func hub(_ workspace: Workspace) throws {
        let turtle = """
            @prefix gv: <https://w3id.org/grapevine/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

            <https://catalogue.example.net/r/1> a gv:Resource ; dcterms:title "Reed songs" ;
                gv:location [ gv:url <https://peer.example.org/1.ogg> ; gv:validUntil "2099-01-01T00:00:00Z"^^xsd:dateTime ] .
            <https://catalogue.example.net/r/2> a gv:Resource ; dcterms:title "Marsh maps" ;
                gv:location [ gv:url <https://peer.example.org/2.pdf> ; gv:validUntil "2099-01-01T00:00:00Z"^^xsd:dateTime ] .
            """
        let published = try grapevine(["publish", "--db", workspace.db, "--graph", "https://catalogue.example.net/g",
                                       try workspace.file("catalogue.ttl", turtle)])
        #expect(published.status == 0, "\(published.stderr)")
        for reader in ["ann", "bob", "cy"] {
            let subscribed = try grapevine(["rover", "subscribe", "--db", workspace.db, "\(reader)@reader.example.net",
                                            "--interest", "?resource a gv:Resource"])
            #expect(subscribed.status == 0, "\(subscribed.stderr)")
        }
    }

    /// Neither variable may stand in for the file's settings while the test runs.
    static let environment = ["GRAPEVINE_ROVER_FROM": "", "GRAPEVINE_SMTP_URL": ""]

    /// The hints a dry run would queue, one URL per hint told.
    static func planned(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("  https://") }.map { String($0.split(separator: " ")[0]) }
    }

    @Test("the dry run takes the store, the address and the scatter from the file; an option wins over the file")
    func dryRunUsesTheFile() throws {
        let workspace = try Workspace()
        try Self.hub(workspace)
        let config = try workspace.file("node.yaml", """
            db: \(workspace.db)
            rover:
              from: Config Hub <hub@config.example.org>
              scatter: 1
            """)
        let before = try workspace.dump()
        let run = try grapevine(["rover", "send", "--config", config, "--dry-run", "--seed", "1"], environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("dry run as Config Hub <hub@config.example.org>, each location told to at most 1"), "\(run.output)")
        // Scatter 1: each of the two locations goes to one of the three subscribers, once.
        let told = Self.planned(run.output)
        #expect(told.sorted() == ["https://peer.example.org/1.ogg", "https://peer.example.org/2.pdf"], "\(run.output)")
        #expect(run.output.contains("dry run: 3 due"), "\(run.output)")
        #expect(try workspace.dump() == before)

        let overridden = try grapevine(["rover", "send", "--config", config, "--dry-run", "--seed", "1", "--scatter", "3",
                                        "--from", "Option Hub <hub@option.example.org>"], environment: Self.environment)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.output.contains("dry run as Option Hub <hub@option.example.org>, each location told to at most 3"))
        #expect(Self.planned(overridden.output).count == 6, "\(overridden.output)")
    }

    @Test("a bad setting in the file stops the command before anything is read or written, naming the line and key")
    func badFileChangesNothing() throws {
        let workspace = try Workspace()
        try Self.hub(workspace)
        let config = try workspace.file("node.yaml", "db: \(workspace.db)\nrover:\n  from: hub@config.example.org\n  scater: 1\n")
        let before = try workspace.dump()
        let run = try grapevine(["rover", "send", "--config", config, "--queue-only"], environment: Self.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(config) line 4: unknown key 'rover.scater'"), "\(run.stderr)")
        #expect(try workspace.dump() == before)
    }
}
