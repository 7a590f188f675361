import Foundation
import RDF
import SPARQL
import Testing

/// `/store` (SPARQL 1.1 Graph Store HTTP Protocol) against a real `grapevine serve`.
@Suite("Graph Store HTTP Protocol")
struct ProtocolGraphStoreTests {
    typealias F = ProtocolFixture

    static let graph = "https://test.example/graphs/one"
    static var path: String { "/store?" + HTTP.form([("graph", graph)]) }

    func write(_ node: NodeProcess, _ method: String, _ path: String = Self.path, body: Data?,
               type: String? = "text/turtle", headers: [String: String] = F.authorization) async throws -> HTTPResponse {
        var all = headers
        if let type { all["Content-Type"] = type }
        return try await node.send(method, path, headers: all, body: body)
    }

    @Test("PUT creates (201) and replaces (204), GET negotiates, DELETE retracts")
    func lifecycle() async throws {
        let node = try F.startNode()
        defer { node.stop() }
        let before = try await node.quadCount()

        let created = try await write(node, "PUT", body: F.description())
        #expect(created.status == 201, "\(created.text)")
        #expect(created.header("Location") == Self.path)
        #expect(try await F.holds(node, subject: "https://test.example/r/1"))
        #expect(try await F.resourceCount(node) == F.sampleResources + 1)

        for (accept, format) in [("text/turtle", ResultFormat.turtle), ("application/n-triples", .ntriples),
                                 ("application/rdf+xml", .rdfxml), ("application/n-quads", .nquads),
                                 ("*/*", .turtle)] {
            let got = try await node.get(Self.path, headers: ["Accept": accept])
            #expect(got.status == 200, "\(accept): \(got.text)")
            #expect(got.mediaType == format.mediaType, "\(accept)")
            guard case .graph(let triples) = try F.parse(got, as: format) else {
                Issue.record("not a graph")
                continue
            }
            #expect(triples.count == 4, "\(accept)")
            #expect(triples.contains { $0.object == .literal(Literal("Test resource")) })
        }
        let head = try await node.send("HEAD", Self.path)
        #expect(head.status == 200)
        #expect(head.mediaType == "text/turtle")
        #expect(head.body.isEmpty)
        let quads = try await node.get(Self.path, headers: ["Accept": "application/n-quads"])
        #expect(quads.text.contains("<\(Self.graph)> ."))
        let formatParameter = try await node.get(Self.path + "&format=ntriples")
        #expect(formatParameter.mediaType == "application/n-triples")
        let notRDF = try await node.get(Self.path, headers: ["Accept": "application/sparql-results+json"])
        #expect(notRDF.status == 406)

        // PUT again replaces the description: the old resource is gone, the new one is there.
        let replaced = try await write(node, "PUT", body: F.description(resource: "https://test.example/r/2", title: "Second"))
        #expect(replaced.status == 204, "\(replaced.text)")
        #expect(try await !F.holds(node, subject: "https://test.example/r/1"))
        #expect(try await F.holds(node, subject: "https://test.example/r/2"))
        #expect(try await F.resourceCount(node) == F.sampleResources + 1)

        let deleted = try await write(node, "DELETE", body: nil, type: nil)
        #expect(deleted.status == 204)
        #expect(try await node.quadCount() == before)
        let gone = try await node.get(Self.path)
        #expect(gone.status == 404)
        #expect(gone.text.contains(Self.graph))
        let deletedAgain = try await write(node, "DELETE", body: nil, type: nil)
        #expect(deletedAgain.status == 404)

        // A SampleData description can be read back and retracted the same way.
        let tarn = "/store?" + HTTP.form([("graph", F.sampleGraph("publishers/tarn-software.ttl"))])
        let tarnBody = try await node.get(tarn, headers: ["Accept": "application/n-triples"])
        #expect(tarnBody.status == 200)
        let retracted = try await write(node, "DELETE", tarn, body: nil, type: nil)
        #expect(retracted.status == 204)
        #expect(try await F.resourceCount(node) < F.sampleResources)
        // …and published again from what GET gave.
        let restored = try await write(node, "PUT", tarn, body: tarnBody.body, type: "application/n-triples")
        #expect(restored.status == 201, "\(restored.text)")
        #expect(try await F.resourceCount(node) == F.sampleResources)
    }

    @Test("Writes need the bearer token: 401 without or wrong, 403 when the node has none")
    func authorization() async throws {
        let node = try F.startNode()
        defer { node.stop() }
        let before = try await node.quadCount()
        for headers in [[:], ["Authorization": "Bearer wrong"], ["Authorization": "Basic dXNlcjpwYXNz"],
                        ["Authorization": "Bearer"], ["Authorization": "Bearer " + F.token + "x"]] {
            for method in ["PUT", "POST", "DELETE"] {
                let response = try await write(node, method, body: F.description(), headers: headers)
                #expect(response.status == 401, "\(method) with \(headers)")
                #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            }
        }
        // Retracting a SampleData graph without the token changes nothing either.
        let tarn = "/store?" + HTTP.form([("graph", F.sampleGraph("publishers/tarn-software.ttl"))])
        let refused = try await node.send("DELETE", tarn)
        #expect(refused.status == 401)
        #expect(try await node.quadCount() == before)
        // Reads are public.
        let read = try await node.get(tarn)
        #expect(read.status == 200)
        // The scheme name is case-insensitive.
        let lower = try await write(node, "PUT", body: F.description(), headers: ["Authorization": "bearer " + F.token])
        #expect(lower.status == 201, "\(lower.text)")

        let readOnly = try F.startNode(token: nil, loadSampleData: false)
        defer { readOnly.stop() }
        let forbidden = try await write(readOnly, "PUT", body: F.description())
        #expect(forbidden.status == 403)
        #expect(forbidden.text.contains("token"))
        #expect(try await readOnly.quadCount() == 0)
    }

    @Test("A malformed body is 400 with its line and column, and changes nothing")
    func malformedBody() async throws {
        let node = try F.startNode()
        defer { node.stop() }
        let created = try await write(node, "PUT", body: F.description())
        #expect(created.status == 201)
        let before = try await node.quadCount()
        let original = try await node.get(Self.path, headers: ["Accept": "application/n-triples"])

        let turtle = try await write(node, "PUT", body: try F.sampleFile("malformed/syntax-error.ttl"))
        #expect(turtle.status == 400)
        #expect(turtle.text.contains("line 7"), "\(turtle.text)")
        let ntriples = try await write(node, "PUT", body: try F.sampleFile("malformed/bad-iri.nt"), type: "application/n-triples")
        #expect(ntriples.status == 400)
        #expect(ntriples.text.contains("line 3, column 102"), "\(ntriples.text)")
        let latin1 = try await write(node, "POST", body: try F.sampleFile("malformed/not-utf8.ttl"))
        #expect(latin1.status == 400)
        #expect(latin1.text.contains("UTF-8"), "\(latin1.text)")
        let rdfxml = try await write(node, "PUT", "/store?graph=https%3A%2F%2Ftest.example%2Fnew",
                                     body: try F.sampleFile("malformed/unterminated.rdf"), type: "application/rdf+xml")
        #expect(rdfxml.status == 400)
        // Turtle sent as N-Triples does not parse either.
        let mislabelled = try await write(node, "PUT", body: F.description(), type: "application/n-triples")
        #expect(mislabelled.status == 400)

        #expect(try await node.quadCount() == before)
        let after = try await node.get(Self.path, headers: ["Accept": "application/n-triples"])
        #expect(after.body == original.body)
        let unknown = try await node.get("/store?graph=https%3A%2F%2Ftest.example%2Fnew")
        #expect(unknown.status == 404)
    }

    @Test("A description that breaks the publishing rules is 422 naming the subject")
    func ruleBreaker() async throws {
        let node = try F.startNode()
        defer { node.stop() }
        let before = try await node.quadCount()
        let missingTitle = try await write(node, "PUT", body: try F.sampleFile("malformed/missing-title.ttl"))
        #expect(missingTitle.status == 422)
        #expect(missingTitle.text.contains("https://catalogue.example.net/datasets/port-alder/tide-gauge-2025/csv"), "\(missingTitle.text)")
        #expect(missingTitle.text.contains("title"))
        let relative = try await write(node, "POST", body: try F.sampleFile("malformed/relative-location.ttl"))
        #expect(relative.status == 422)
        #expect(try await node.quadCount() == before)
        #expect(try await node.get(Self.path).status == 404)
    }

    @Test("POST creates a new graph (201) and merges into an existing one (204)")
    func postMerges() async throws {
        let node = try F.startNode(loadSampleData: false)
        defer { node.stop() }
        let first = try await write(node, "POST", body: F.description())
        #expect(first.status == 201, "\(first.text)")
        let second = try await write(node, "POST", body: F.description(resource: "https://test.example/r/2", title: "Second"))
        #expect(second.status == 204, "\(second.text)")
        #expect(try await F.holds(node, subject: "https://test.example/r/1"))
        #expect(try await F.holds(node, subject: "https://test.example/r/2"))
        #expect(try await F.resourceCount(node) == 2)
        // Each resource keeps its own location: the two `[ … ]` blank nodes did not merge.
        let locations = try await node.get(F.queryPath("""
            PREFIX gv: <https://w3id.org/grapevine/ns#>
            SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { ?r gv:location ?l }
            """))
        #expect(try F.count(locations) == 2)
        // Triples already there are not added twice (a graph is a set of triples).
        let extra = Data("<https://test.example/r/1> <http://purl.org/dc/terms/subject> \"extra\" .\n".utf8)
        for _ in 0..<2 {
            let added = try await write(node, "POST", body: extra, type: "application/n-triples")
            #expect(added.status == 204, "\(added.text)")
        }
        let got = try await node.get(Self.path, headers: ["Accept": "application/n-triples"])
        guard case .graph(let triples) = try F.parse(got, as: .ntriples) else {
            Issue.record("not a graph")
            return
        }
        #expect(triples.count == 4 + 4 + 1, "\(got.text)")
        // A POST that would break the rules leaves the merged description as it was.
        let bad = try await write(node, "POST", body: try F.sampleFile("malformed/missing-title.ttl"))
        #expect(bad.status == 422)
        let malformed = try await write(node, "POST", body: try F.sampleFile("malformed/syntax-error.ttl"))
        #expect(malformed.status == 400)
        #expect(malformed.text.contains("line 7"), "\(malformed.text)")
        let unchanged = try await node.get(Self.path, headers: ["Accept": "application/n-triples"])
        #expect(unchanged.body == got.body)
    }

    @Test("Targets, media types and sizes: 400, 405, 409, 413, 415")
    func targetsAndTypes() async throws {
        let node = try F.startNode(configuration: "max_body: 4096\n")
        defer { node.stop() }
        let before = try await node.quadCount()

        #expect(try await node.get("/store").status == 400)
        #expect(try await node.get("/store?graph=relative/path").status == 400)
        #expect(try await node.get("/store?graph=a&graph=b").status == 400)
        #expect(try await write(node, "PUT", "/store", body: F.description()).status == 400)

        // The default graph is the union of all descriptions: readable, never writable.
        let union = try await node.get("/store?default", headers: ["Accept": "application/n-triples"])
        #expect(union.status == 200)
        guard case .graph(let triples) = try F.parse(union, as: .ntriples) else {
            Issue.record("not a graph")
            return
        }
        #expect(triples.count > 10_000)
        let putDefault = try await write(node, "PUT", "/store?default", body: F.description())
        #expect(putDefault.status == 405)
        #expect(putDefault.header("Allow") == "GET, HEAD")
        let patch = try await write(node, "PATCH", body: F.description())
        #expect(patch.status == 405)

        let image = try await write(node, "PUT", body: F.description(), type: "image/png")
        #expect(image.status == 415)
        // Without a Content-Type (or curl's form default) the syntax is recognised from the body.
        let sniffed = try await write(node, "PUT", body: F.description(), type: "application/x-www-form-urlencoded")
        #expect(sniffed.status == 201, "\(sniffed.text)")
        let gibberish = try await write(node, "PUT", body: Data("hello there".utf8), type: nil)
        #expect(gibberish.status == 415)
        let empty = try await write(node, "PUT", body: Data(), type: "text/turtle")
        #expect(empty.status == 400)

        var large = F.description()
        large.append(Data(("# " + String(repeating: "padding ", count: 600) + "\n").utf8))
        let tooLarge = try await write(node, "PUT", body: large)
        #expect(tooLarge.status == 413)
        #expect(tooLarge.text.contains("4096"))

        // A named graph inside a TriG description belongs to it: 409 for writes and deletes.
        let trig = Data("""
            @prefix gv: <https://w3id.org/grapevine/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            <https://test.example/r/9> a gv:Resource ; dcterms:title "Nine" ;
                gv:location [ gv:url <https://mirror.example.org/9> ] .
            <https://test.example/graphs/inner> { <https://test.example/r/9> dcterms:subject "inner" }

            """.utf8)
        let outer = try await write(node, "PUT", "/store?graph=https%3A%2F%2Ftest.example%2Fgraphs%2Fouter",
                                    body: trig, type: "application/trig")
        #expect(outer.status == 201, "\(outer.text)")
        let inner = "/store?graph=https%3A%2F%2Ftest.example%2Fgraphs%2Finner"
        #expect(try await node.get(inner).status == 200)
        let deleteInner = try await write(node, "DELETE", inner, body: nil, type: nil)
        #expect(deleteInner.status == 409, "\(deleteInner.text)")
        #expect(deleteInner.text.contains("https://test.example/graphs/outer"))
        let putInner = try await write(node, "PUT", inner, body: F.description())
        #expect(putInner.status == 409, "\(putInner.text)")
        let postInner = try await write(node, "POST", inner, body: F.description())
        #expect(postInner.status == 409, "\(postInner.text)")

        #expect(try await node.quadCount() > before)
    }
}
