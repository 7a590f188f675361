import Foundation
import RDF
import RDFSyntax
import Testing

@Suite("grapevine publish / export / convert / stats / retract", .serialized)
struct PublishExportTests {
    static let sampleFiles = [
        "publishers/civic-data.nt", "publishers/hollow-reed-records.ttl", "publishers/lantern-press.rdf",
        "publishers/meridian-climate.nq", "publishers/night-shift-audio.trig", "publishers/pinewood-dsg.rdf",
        "publishers/tarn-software.ttl", "feeds/night-shift-audio.rss",
    ]

    /// publish → export loses nothing: the exported dataset is isomorphic to the parsed file, with
    /// the file's default graph under the description's graph name.
    @Test(arguments: sampleFiles)
    func publishThenExportLosesNothing(file: String) throws {
        let workspace = try Workspace()
        let graph = "https://example.org/description"
        let published = try grapevine(["publish", "--db", workspace.db, "--graph", graph, sample(file)])
        #expect(published.status == 0, "\(published.stderr)")
        let exported = try grapevine(["export", "--db", workspace.db, "--format", "nquads"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let original = try RDFParser.parseAll(.file(sample(file))).map { quad in
            var quad = quad
            if quad.graph == nil { quad.graph = .iri(graph) }
            return quad
        }
        let roundTripped = try parse(exported.stdout, syntax: .nquads)
        #expect(roundTripped.count == Set(original).count)
        #expect(DatasetIsomorphism.areIsomorphic(original, roundTripped),
                "\(DatasetIsomorphism.differences(expected: original, actual: roundTripped))")
    }

    /// Every export format reads back to the same graph (triple formats merge graphs).
    @Test(arguments: OutputFormat.allCases)
    func everyExportFormatRoundTrips(format: OutputFormat) throws {
        let workspace = try Workspace()
        let file = sample("publishers/night-shift-audio.trig")
        #expect(try grapevine(["publish", "--db", workspace.db, "--graph", "https://example.org/d", file]).status == 0)
        let exported = try grapevine(["export", "--db", workspace.db, "--format", format.rawValue])
        #expect(exported.status == 0, "\(exported.stderr)")
        let syntax: Syntax = switch format {
        case .ntriples: .ntriples
        case .nquads: .nquads
        case .turtle: .turtle
        case .rdfxml: .rdfxml
        case .trig: .trig
        }
        var expected = try RDFParser.parseAll(.file(file)).map { quad in
            var quad = quad
            quad.graph = format.carriesGraphs ? (quad.graph ?? .iri("https://example.org/d")) : nil
            return quad
        }
        expected = Array(Set(expected))
        let actual = try parse(exported.stdout, syntax: syntax)
        #expect(DatasetIsomorphism.areIsomorphic(expected, actual),
                "\(format): \(DatasetIsomorphism.differences(expected: expected, actual: actual))")
    }

    @Test func exportOfOneGraph() throws {
        let workspace = try Workspace()
        #expect(try grapevine(["publish", "--db", workspace.db, sample("publishers/civic-data.nt"), sample("publishers/tarn-software.ttl")]).status == 0)
        let graph = URL(fileURLWithPath: sample("publishers/civic-data.nt")).standardizedFileURL.absoluteString
        let exported = try grapevine(["export", "--db", workspace.db, "--graph", graph, "--format", "ntriples"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let expected = try RDFParser.parseAll(.file(sample("publishers/civic-data.nt")))
        #expect(DatasetIsomorphism.areIsomorphic(expected, try parse(exported.stdout, syntax: .ntriples)))
        let missing = try grapevine(["export", "--db", workspace.db, "--graph", "https://example.org/none"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("https://example.org/none"))
    }

    @Test func convertMatchesRapperStyleParsing() throws {
        let converted = try grapevine(["convert", "--format", "ntriples", sample("publishers/lantern-press.rdf")])
        #expect(converted.status == 0, "\(converted.stderr)")
        let direct = try RDFParser.parseAll(.file(sample("publishers/lantern-press.rdf")))
        #expect(DatasetIsomorphism.areIsomorphic(direct, try parse(converted.stdout, syntax: .ntriples)))
    }

    @Test func convertReportsSyntaxErrorsOnStderr() throws {
        let result = try grapevine(["convert", sample("malformed/syntax-error.ttl")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("syntax-error.ttl:7"), "\(result.stderr)")
    }

    @Test func convertReadsStandardInputWithANamedSyntax() throws {
        let input = Data("<http://example.org/a> <http://example.org/p> \"x\" .\n".utf8)
        let result = try grapevine(["convert", "--syntax", "ntriples", "--format", "turtle", "-"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try parse(result.stdout, syntax: .turtle) == [Quad(.iri("http://example.org/a"), .iri("http://example.org/p"), .literal("x"))])
    }

    @Test func statsCountsWhatWasPublishedAndRetractRemovesIt() throws {
        let workspace = try Workspace()
        let files = [sample("publishers/civic-data.nt"), sample("publishers/night-shift-audio.trig")]
        #expect(try grapevine(["publish", "--db", workspace.db] + files).status == 0)
        let stats = try JSONSerialization.jsonObject(with: try grapevine(["stats", "--db", workspace.db, "--json"]).stdout) as? [String: Any]
        #expect(stats?["descriptions"] as? Int == 2)
        #expect(stats?["graphs"] as? Int == 4) // two descriptions + two named graphs in the TriG file
        #expect(stats?["quads"] as? Int == 1320 + 1116)
        #expect((stats?["terms"] as? Int ?? 0) > 0)
        #expect((stats?["databaseBytes"] as? Int ?? 0) > 0)

        let graph = URL(fileURLWithPath: files[1]).standardizedFileURL.absoluteString
        let retracted = try grapevine(["retract", "--db", workspace.db, graph])
        #expect(retracted.status == 0, "\(retracted.stderr)")
        let after = try JSONSerialization.jsonObject(with: try grapevine(["stats", "--db", workspace.db, "--json"]).stdout) as? [String: Any]
        #expect(after?["quads"] as? Int == 1320)
        #expect(after?["graphs"] as? Int == 1)
        let again = try grapevine(["retract", "--db", workspace.db, graph])
        #expect(again.status != 0)
    }

    @Test func textStatsNameEveryFigure() throws {
        let workspace = try Workspace()
        #expect(try grapevine(["publish", "--db", workspace.db, sample("publishers/civic-data.nt")]).status == 0)
        let text = try grapevine(["stats", "--db", workspace.db]).output
        for label in ["descriptions", "graphs", "quads", "terms", "size"] { #expect(text.contains(label)) }
        #expect(text.contains("1,320"))
    }

    @Test func theEnvironmentVariableChoosesTheStore() throws {
        let workspace = try Workspace()
        let environment = ["GRAPEVINE_DB": workspace.db]
        #expect(try grapevine(["publish", sample("publishers/civic-data.nt")], environment: environment).status == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.db))
        #expect(try grapevine(["stats"], environment: environment).output.contains("1,320"))
    }

    @Test func republishingReplaces() throws {
        let workspace = try Workspace()
        let first = try workspace.file("d.ttl", "<http://example.org/a> <http://example.org/p> \"one\" .\n")
        #expect(try grapevine(["publish", "--db", workspace.db, first]).status == 0)
        try Data("<http://example.org/a> <http://example.org/p> \"two\" .\n".utf8).write(to: URL(fileURLWithPath: first))
        let second = try grapevine(["publish", "--db", workspace.db, first])
        #expect(second.output.contains("replaced"))
        #expect(second.output.contains("v2"))
        let exported = try grapevine(["export", "--db", workspace.db, "--format", "ntriples"])
        #expect(exported.output == "<http://example.org/a> <http://example.org/p> \"two\" .\n")
    }

    @Test func quietOnANonTerminalAndHelpfulHelp() throws {
        let workspace = try Workspace()
        // The identity first: publish would otherwise say on stderr that it created one.
        #expect(try grapevine(["init", "--db", workspace.db]).status == 0)
        let result = try grapevine(["publish", "--db", workspace.db, sample("publishers/civic-data.nt")])
        #expect(result.stderr.isEmpty, "progress must not reach a pipe: \(result.stderr)")
        for command in ["publish", "retract", "export", "convert", "stats", "graphs", "init", "whoami"] {
            let help = try grapevine([command, "--help"])
            #expect(help.status == 0)
            #expect(help.output.contains("--db") || command == "convert")
        }
    }
}
