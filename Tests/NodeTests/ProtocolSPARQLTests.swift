import Foundation
import RDF
import SPARQL
import Testing

/// `/sparql` over HTTP against a real `grapevine serve` holding SampleData.
@Suite("SPARQL 1.1 Protocol")
struct ProtocolSPARQLTests {
    typealias F = ProtocolFixture

    @Test("GET, form POST and direct POST answer the same query alike")
    func threeWaysToAsk() async throws {
        let node = try F.startNode()
        defer { node.stop() }

        let get = try await node.get(F.queryPath(F.resourceCountQuery))
        #expect(get.status == 200, "\(get.text)")
        #expect(get.mediaType == "application/sparql-results+json")
        #expect(get.header("Access-Control-Allow-Origin") == "*")
        #expect(try F.count(get) == F.sampleResources)

        let form = try await node.send("POST", "/sparql",
                                       headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                       body: Data(HTTP.form([("query", F.resourceCountQuery)]).utf8))
        #expect(form.status == 200, "\(form.text)")
        #expect(try F.count(form) == F.sampleResources)

        // `+` for spaces, as HTML forms and Python's urlencode write them.
        let plus = try await node.send("POST", "/sparql",
                                       headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                       body: Data("query=ASK+%7B+%3Fs+%3Fp+%3Fo+%7D".utf8))
        #expect(plus.status == 200, "\(plus.text)")
        #expect(try F.parse(plus, as: .json) == .boolean(true))

        let direct = try await node.send("POST", "/sparql",
                                         headers: ["Content-Type": "application/sparql-query; charset=utf-8"],
                                         body: Data(F.resourceCountQuery.utf8))
        #expect(direct.status == 200, "\(direct.text)")
        #expect(try F.count(direct) == F.sampleResources)

        // HEAD answers like GET, without the body.
        let head = try await node.send("HEAD", F.queryPath("ASK {}"))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
    }

    @Test("SELECT and ASK in JSON, XML, CSV and TSV by Accept and by format=")
    func resultFormats() async throws {
        let node = try F.startNode()
        defer { node.stop() }
        let path = F.queryPath(F.resourceCountQuery)

        let cases: [(accept: String, format: ResultFormat, type: String)] = [
            ("application/sparql-results+json", .json, "application/sparql-results+json"),
            ("application/sparql-results+xml", .xml, "application/sparql-results+xml"),
            ("text/csv", .csv, "text/csv"),
            ("text/tab-separated-values", .tsv, "text/tab-separated-values"),
            ("application/json", .json, "application/sparql-results+json"),
            ("*/*", .json, "application/sparql-results+json"),
            ("text/csv;q=0.5, application/sparql-results+xml", .xml, "application/sparql-results+xml"),
            ("text/html, application/xhtml+xml, */*;q=0.8", .json, "application/sparql-results+json"),
        ]
        for (accept, format, type) in cases {
            let response = try await node.get(path, headers: ["Accept": accept])
            #expect(response.status == 200, "Accept: \(accept): \(response.text)")
            #expect(response.mediaType == type, "Accept: \(accept)")
            #expect(response.header("Vary") == "Accept")
            #expect(try F.count(response, as: format) == F.sampleResources, "Accept: \(accept)")
        }

        // format= wins over Accept.
        for (name, format) in [("csv", ResultFormat.csv), ("tsv", .tsv), ("xml", .xml), ("json", .json),
                               ("text/csv", .csv)] {
            let response = try await node.get(F.queryPath(F.resourceCountQuery, [("format", name)]),
                                              headers: ["Accept": "application/sparql-results+json"])
            #expect(response.status == 200, "format=\(name): \(response.text)")
            #expect(response.mediaType == format.mediaType, "format=\(name)")
            #expect(try F.count(response, as: format) == F.sampleResources)
        }

        // ASK in each format.
        let ask = F.queryPath("PREFIX gv: <https://w3id.org/grapevine/ns#> ASK { ?r a gv:Resource }")
        for format in [ResultFormat.json, .xml, .csv, .tsv] {
            let response = try await node.get(ask, headers: ["Accept": format.mediaType])
            #expect(response.status == 200)
            #expect(response.mediaType == format.mediaType)
            #expect(try F.parse(response, as: format) == .boolean(true), "\(format)")
        }
        let no = try await node.get(F.queryPath("ASK { <urn:nothing> ?p ?o }"))
        #expect(try F.parse(no, as: .json) == .boolean(false))
    }

    @Test("CONSTRUCT and DESCRIBE in Turtle, N-Triples and RDF/XML")
    func graphFormats() async throws {
        let node = try F.startNode()
        defer { node.stop() }
        let construct = F.queryPath("""
            PREFIX gv: <https://w3id.org/grapevine/ns#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            CONSTRUCT { ?r dcterms:title ?t } WHERE { ?r a gv:Resource ; dcterms:title ?t }
            """)
        let cases: [(accept: String?, format: ResultFormat)] = [
            (nil, .turtle), ("*/*", .turtle), ("text/turtle", .turtle),
            ("application/n-triples", .ntriples), ("application/rdf+xml", .rdfxml),
            ("application/n-quads", .nquads),
        ]
        for (accept, format) in cases {
            let response = try await node.get(construct, headers: accept.map { ["Accept": $0] } ?? [:])
            #expect(response.status == 200, "Accept: \(accept ?? "none"): \(response.text)")
            #expect(response.mediaType == format.mediaType, "Accept: \(accept ?? "none")")
            guard case .graph(let triples) = try F.parse(response, as: format) else {
                Issue.record("not a graph")
                continue
            }
            #expect(triples.count == F.sampleResources, "Accept: \(accept ?? "none")")
        }
        // format= names the syntax; `xml` means RDF/XML for graphs (as SPARQLWrapper sends it).
        for (name, format) in [("ntriples", ResultFormat.ntriples), ("xml", .rdfxml), ("turtle", .turtle)] {
            let response = try await node.get(F.queryPath("DESCRIBE <https://tarn.example.org/#foundation>", [("format", name)]))
            #expect(response.status == 200, "\(response.text)")
            #expect(response.mediaType == format.mediaType)
            guard case .graph(let triples) = try F.parse(response, as: format) else {
                Issue.record("not a graph")
                continue
            }
            #expect(!triples.isEmpty)
        }
    }

    @Test("default-graph-uri and named-graph-uri choose the dataset, over FROM")
    func datasetParameters() async throws {
        let node = try F.startNode()
        defer { node.stop() }
        let tarn = F.sampleGraph("publishers/tarn-software.ttl")
        let civic = F.sampleGraph("publishers/civic-data.nt")

        let tarnOnly = try await node.get(F.queryPath(F.resourceCountQuery, [("default-graph-uri", tarn)]))
        #expect(tarnOnly.status == 200, "\(tarnOnly.text)")
        let tarnCount = try F.count(tarnOnly)
        #expect(tarnCount > 0 && tarnCount < F.sampleResources)

        let both = try await node.get(F.queryPath(F.resourceCountQuery,
                                                  [("default-graph-uri", tarn), ("default-graph-uri", civic)]))
        let bothCount = try F.count(both)
        #expect(bothCount > tarnCount && bothCount < F.sampleResources)

        // The protocol's dataset replaces the query's FROM.
        let from = "PREFIX gv: <https://w3id.org/grapevine/ns#> SELECT (COUNT(DISTINCT ?r) AS ?n) FROM <\(civic)> WHERE { ?r a gv:Resource }"
        let overridden = try await node.get(F.queryPath(from, [("default-graph-uri", tarn)]))
        #expect(try F.count(overridden) == tarnCount)
        let fromOnly = try await node.get(F.queryPath(from))
        #expect(try F.count(fromOnly) == bothCount - tarnCount)

        // named-graph-uri alone: GRAPH sees only those graphs, the default graph is empty.
        let graphs = try await node.send("POST", "/sparql",
                                         headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: Data(HTTP.form([("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
                                                               ("named-graph-uri", civic)]).utf8))
        guard case .solutions(let table) = try F.parse(graphs, as: .json) else {
            Issue.record("not solutions: \(graphs.text)")
            return
        }
        #expect(table.rows == [[.iri(civic)]])
        let empty = try await node.get(F.queryPath(F.resourceCountQuery, [("named-graph-uri", civic)]))
        #expect(try F.count(empty) == 0)

        // Dataset parameters in the URL of a direct POST.
        let direct = try await node.send("POST", "/sparql?" + HTTP.form([("default-graph-uri", tarn)]),
                                         headers: ["Content-Type": "application/sparql-query"],
                                         body: Data(F.resourceCountQuery.utf8))
        #expect(try F.count(direct) == tarnCount)
    }

    @Test("Bad requests: 400 with line and column, 405, 406, 415, 501")
    func refusals() async throws {
        let node = try F.startNode()
        defer { node.stop() }

        let malformed = try await node.get(F.queryPath("SELECT ?s WHERE {\n  ?s ?p \n}"))
        #expect(malformed.status == 400)
        #expect(malformed.mediaType == "text/plain")
        #expect(malformed.text.contains("line 3, column 1"), "\(malformed.text)")
        #expect(malformed.header("Access-Control-Allow-Origin") == "*")

        let missing = try await node.get("/sparql")
        #expect(missing.status == 400)
        #expect(missing.text.contains("no query"))

        let twice = try await node.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
        #expect(twice.status == 400)

        let badEscape = try await node.get("/sparql?query=ASK%ZZ")
        #expect(badEscape.status == 400)

        let emptyPost = try await node.send("POST", "/sparql", headers: ["Content-Type": "application/sparql-query"], body: Data())
        #expect(emptyPost.status == 400)

        let select = F.queryPath(F.resourceCountQuery)
        let image = try await node.get(select, headers: ["Accept": "image/png"])
        #expect(image.status == 406)
        #expect(image.text.contains("application/sparql-results+json"), "\(image.text)")
        let refusedJSON = try await node.get(select, headers: ["Accept": "application/sparql-results+json;q=0, text/html"])
        #expect(refusedJSON.status == 406)
        let turtleForSelect = try await node.get(select, headers: ["Accept": "text/turtle"])
        #expect(turtleForSelect.status == 406)
        let csvForGraph = try await node.get(F.queryPath("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"), headers: ["Accept": "text/csv"])
        #expect(csvForGraph.status == 406)
        let badFormat = try await node.get(F.queryPath("ASK {}", [("format", "yaml")]))
        #expect(badFormat.status == 406)

        for method in ["PUT", "DELETE", "PATCH"] {
            let response = try await node.send(method, "/sparql", body: Data("x".utf8))
            #expect(response.status == 405, "\(method)")
            #expect(response.header("Allow")?.contains("POST") == true)
        }

        let plain = try await node.send("POST", "/sparql", headers: ["Content-Type": "text/plain"], body: Data("ASK {}".utf8))
        #expect(plain.status == 415)

        let update = try await node.send("POST", "/sparql", headers: ["Content-Type": "application/sparql-update"],
                                         body: Data("CLEAR ALL".utf8))
        #expect(update.status == 501)
        let formUpdate = try await node.send("POST", "/sparql", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                             body: Data(HTTP.form([("update", "CLEAR ALL")]).utf8))
        #expect(formUpdate.status == 501)

        let service = try await node.get(F.queryPath("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"))
        #expect(service.status == 501)
        #expect(service.text.contains("SERVICE"))

        // CORS preflight.
        let preflight = try await node.send("OPTIONS", "/sparql", headers: [
            "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        ])
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Origin") == "*")
        #expect(preflight.header("Access-Control-Allow-Methods")?.contains("POST") == true)

        // The node still answers after all that.
        #expect(try await F.resourceCount(node) == F.sampleResources)
    }

    @Test("Limits: 413 over max_body, 503 past the time limit or the solution cap")
    func limits() async throws {
        let node = try F.startNode(configuration: """
            max_body: 2000
            query_timeout: 1
            max_results: 50000
            """)
        defer { node.stop() }

        // Just under the limit is fine; over it, by Content-Length, is 413.
        let padded = F.resourceCountQuery + "\n#" + String(repeating: "x", count: 2000 - F.resourceCountQuery.utf8.count - 3)
        let fits = try await node.send("POST", "/sparql", headers: ["Content-Type": "application/sparql-query"],
                                       body: Data(padded.utf8))
        #expect(fits.status == 200, "\(fits.text)")
        let tooBig = try await node.send("POST", "/sparql", headers: ["Content-Type": "application/sparql-query"],
                                         body: Data((padded + "xx").utf8))
        #expect(tooBig.status == 413)
        #expect(tooBig.text.contains("2000"))
        let tooBigForm = try await node.send("POST", "/sparql",
                                             headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                             body: Data(HTTP.form([("query", padded + "xxxxx")]).utf8))
        #expect(tooBigForm.status == 413)

        // A cross product of the store: more solutions than max_results allows, or past 1 s.
        let huge = try await node.get(F.queryPath("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"))
        #expect(huge.status == 503, "\(huge.text)")
        #expect(huge.text.contains("limit"))

        // Few solutions at any step, but the closure of the whole graph is walked again for each
        // path found (the EXISTS depends on ?b): thousands of walks, far past 1 s however fast
        // one walk gets.
        let slow = try await node.get(F.queryPath("""
            SELECT (COUNT(*) AS ?n) WHERE {
              ?a (!<urn:x>)* ?b FILTER EXISTS { ?c (!<urn:x>)* ?d FILTER(?c = ?b && ?d = <urn:none>) }
            }
            """))
        #expect(slow.status == 503, "\(slow.text)")
        #expect(slow.text.contains("time limit"), "\(slow.text)")

        #expect(try await F.resourceCount(node) == F.sampleResources)
    }
}
