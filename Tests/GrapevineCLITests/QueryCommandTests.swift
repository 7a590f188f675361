import Foundation
import RDF
import RDFSyntax
import Testing

@Suite("grapevine query", .serialized)
struct QueryCommandTests {
    static let prefixes = """
        PREFIX gv: <https://w3id.org/grapevine/ns#>
        PREFIX dcterms: <http://purl.org/dc/terms/>

        """

    /// A store with every sample description published.
    static func sampleStore() throws -> Workspace {
        let workspace = try Workspace()
        let files = try ["publishers", "feeds"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: sample(folder)).map { sample(folder + "/" + $0) }
        }
        let result = try grapevine(["publish", "--db", workspace.db] + files)
        #expect(result.status == 0, "\(result.stderr)")
        return workspace
    }

    func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "\(result.output) \(result.stderr)")
    }

    @Test func selectOverTheStoreSeesEveryDescription() throws {
        let workspace = try Self.sampleStore()
        let result = try grapevine(["query", "--db", workspace.db, "--format", "json",
                                    Self.prefixes + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a gv:Resource ; dcterms:title ?t }"])
        #expect(result.status == 0, "\(result.stderr)")
        let bindings = (try json(result)["results"] as? [String: Any])?["bindings"] as? [[String: [String: String]]]
        #expect(bindings?.first?["n"]?["value"] == "480")
    }

    @Test func graphAndFromWorkOverTheDescriptionsGraphs() throws {
        let workspace = try Self.sampleStore()
        let civic = URL(fileURLWithPath: sample("publishers/civic-data.nt")).standardizedFileURL.absoluteString
        let from = try grapevine(["query", "--db", workspace.db, "--format", "json",
                                  Self.prefixes + "SELECT (COUNT(*) AS ?n) FROM <\(civic)> WHERE { ?r a gv:Resource }"])
        let fromBindings = (try json(from)["results"] as? [String: Any])?["bindings"] as? [[String: [String: String]]]
        #expect(fromBindings?.first?["n"]?["value"] == "58")
        let graphs = try grapevine(["query", "--db", workspace.db, "--format", "tsv",
                                    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"])
        #expect(graphs.status == 0, "\(graphs.stderr)")
        // Eleven graphs, of which the TriG description's own (default) graph is empty.
        #expect(graphs.output.split(separator: "\n").count == 1 + 10)
    }

    @Test func askConstructAndDescribe() throws {
        let workspace = try Self.sampleStore()
        let ask = try grapevine(["query", "--db", workspace.db, "--format", "json", "ASK { ?s a <https://w3id.org/grapevine/ns#Peer> }"])
        #expect(try json(ask)["boolean"] as? Bool != nil)

        let construct = try grapevine(["query", "--db", workspace.db, "--format", "ntriples",
                                       Self.prefixes + "CONSTRUCT { ?r dcterms:title ?t } WHERE { ?r a gv:Resource ; dcterms:title ?t }"])
        #expect(construct.status == 0, "\(construct.stderr)")
        #expect(try parse(construct.stdout, syntax: .ntriples).count >= 480)

        let described = try grapevine(["query", "--db", workspace.db, "--format", "ntriples", "DESCRIBE ?r WHERE { ?r a <https://w3id.org/grapevine/ns#Resource> } LIMIT 1"])
        #expect(described.status == 0, "\(described.stderr)")
        let triples = try parse(described.stdout, syntax: .ntriples)
        // The concise bounded description follows the blank-node locations.
        #expect(triples.contains { $0.predicate == .iri(GV.url) })
        #expect(Set(triples.filter { !$0.subject.isBlank }.map(\.subject)).count == 1)
    }

    @Test func queriesOverFilesReplaceTheQueryDataset() throws {
        let workspace = try Workspace()
        let data = try workspace.file("data.ttl", "@prefix : <http://example.org/> . :a :p :b . <rel> :p :c .\n")
        let named = try workspace.file("named.ttl", "@prefix : <http://example.org/> . :x :q :y .\n")
        let query = try workspace.file("q.rq", "SELECT ?s ?g WHERE { { ?s <http://example.org/p> ?o } UNION { GRAPH ?g { ?s ?p ?o } } } ORDER BY ?s")
        let result = try grapevine(["query", "--data", data, "--named", "\(named)=http://example.org/graph", "--format", "json", "--file", query])
        #expect(result.status == 0, "\(result.stderr)")
        let bindings = (try json(result)["results"] as? [String: Any])?["bindings"] as? [[String: [String: String]]] ?? []
        let subjects = bindings.compactMap { $0["s"]?["value"] }
        #expect(subjects.contains("http://example.org/a"))
        // Relative IRIs in a --data file resolve against the file's own URL.
        #expect(subjects.contains(URL(fileURLWithPath: workspace.path + "/rel").standardizedFileURL.absoluteString))
        #expect(bindings.contains { $0["g"]?["value"] == "http://example.org/graph" })
    }

    @Test func everyResultFormat() throws {
        let workspace = try Workspace()
        let data = try workspace.file("d.ttl", "<http://example.org/a> <http://example.org/p> \"x\"@en .\n")
        for format in ["json", "xml", "csv", "tsv", "table"] {
            let result = try grapevine(["query", "--data", data, "--format", format, "SELECT * { ?s ?p ?o }"])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.output.contains("example.org/a"), "\(format): \(result.output)")
        }
        let stdin = try grapevine(["query", "--data", data, "--format", "tsv", "-"], stdin: Data("ASK { ?s ?p \"x\"@en }".utf8))
        #expect(stdin.output.contains("true"))
    }

    @Test(arguments: [
        ("SELECT * WHERE { ?s ?p }", "line 1, column"),
        ("SELECT * WHERE { ?s ex:p ?o }", "ex"),
        ("SELECT * WHERE { FILTER(" + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + ") }", "nested"),
    ])
    func syntaxErrorsExitTwo(query: String, message: String) throws {
        let result = try grapevine(["query", "--data", sample("publishers/civic-data.nt"), query])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func anUnboundedCrossProductStopsAtTheResultLimit() throws {
        let result = try grapevine(["query", "--data", sample("publishers/civic-data.nt"), "--max-results", "10000",
                                    "SELECT * { ?a ?b ?c . ?d ?e ?f }"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("more than 10,000 solutions"), "\(result.stderr)")
    }

    @Test func aSlowQueryStopsAtTheTimeLimit() throws {
        let result = try grapevine(["query", "--data", sample("publishers/civic-data.nt"), "--timeout", "0.5", "--max-results", "100000000",
                                    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("time limit"), "\(result.stderr)")
    }

    /// Errors inside EXISTS mean "no value" to SPARQL; running out of time must still stop the query.
    @Test func theTimeLimitHoldsInsideExists() throws {
        let started = Date()
        let result = try grapevine(["query", "--data", sample("publishers/civic-data.nt"), "--timeout", "1",
                                    #"SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . FILTER EXISTS { ?d ?e ?f . FILTER(STR(?f) = CONCAT(STR(?c), "?")) } }"#])
        #expect(result.status == 1)
        #expect(result.stderr.contains("time limit"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func explainShowsTheJoinOrder() throws {
        let workspace = try Self.sampleStore()
        let result = try grapevine(["query", "--db", workspace.db, "--explain", "--format", "json",
                                    Self.prefixes + "SELECT ?t WHERE { ?r dcterms:title ?t ; a gv:Resource ; gv:size ?size }"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("via posg"), "\(result.stderr)")
        #expect(result.stderr.contains("estimated"))
        #expect(result.stderr.range(of: #"→ [0-9]+ rows"#, options: .regularExpression) != nil)
    }
}
