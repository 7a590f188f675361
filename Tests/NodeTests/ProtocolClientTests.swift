import Foundation
import Testing

/// Clients nobody here wrote, against a real node: Python's SPARQLWrapper and rdflib's
/// SPARQLStore for `/sparql` (Tests/NodeTests/clients/sparql_clients.py), curl for `/store`.
@Suite("Protocol clients")
struct ProtocolClientTests {
    typealias F = ProtocolFixture

    static let script = NodeProcess.packageRoot + "/Tests/NodeTests/clients/sparql_clients.py"

    @Test("SPARQLWrapper and rdflib's SPARQLStore get the right answers")
    func pythonClients() async throws {
        let node = try F.startNode()
        defer { node.stop() }
        let result = try ProtocolCommand.run("python3", [Self.script, node.baseURL.absoluteString + "/sparql"])
        #expect(result.status == 0, """
            sparql_clients.py exited \(result.status) (2: python3 or a package is missing; \
            pip install SPARQLWrapper rdflib)
            \(result.stdout)
            \(result.stderr)
            """)
        #expect(result.stdout.contains("checks passed"))
    }

    /// `curl -s -o BODY -w '%{http_code}' …`: the status and the body.
    func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
        let bodyFile = NSTemporaryDirectory() + "grapevine-curl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: bodyFile) }
        let result = try ProtocolCommand.run("curl", ["-s", "-S", "-o", bodyFile, "-w", "%{http_code}"] + arguments)
        guard result.status == 0, let status = Int(result.stdout) else {
            throw NodeProcessError(message: "curl \(arguments) failed (\(result.status)): \(result.stderr)")
        }
        return (status, (try? String(contentsOfFile: bodyFile, encoding: .utf8)) ?? "")
    }

    @Test("curl: PUT, GET, POST, DELETE with the token; wrong token; malformed and oversized bodies")
    func curlGraphStore() async throws {
        let node = try F.startNode(configuration: "max_body: 100000\n")
        defer { node.stop() }
        let graph = "https://test.example/graphs/curl"
        let url = node.baseURL.absoluteString + "/store?graph=" + HTTP.encode(graph)
        let bearer = "Authorization: Bearer " + F.token
        let directory = NSTemporaryDirectory() + "grapevine-curl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = directory + "/good.ttl"
        try F.description(resource: "https://test.example/curl/1", title: "Fetched by curl").write(to: URL(fileURLWithPath: good))
        let before = try await node.quadCount()

        // No token, then a wrong one: 401, nothing stored.
        let anonymous = try curl(["-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "@" + good, url])
        #expect(anonymous.status == 401)
        let wrong = try curl(["-X", "PUT", "-H", "Authorization: Bearer nope", "-H", "Content-Type: text/turtle",
                              "--data-binary", "@" + good, url])
        #expect(wrong.status == 401)
        #expect(wrong.body.contains("token"))
        #expect(try await node.quadCount() == before)

        // PUT, then GET in two syntaxes.
        let put = try curl(["-X", "PUT", "-H", bearer, "-H", "Content-Type: text/turtle", "--data-binary", "@" + good, url])
        #expect(put.status == 201, "\(put.body)")
        let turtle = try curl(["-H", "Accept: text/turtle", url])
        #expect(turtle.status == 200)
        #expect(turtle.body.contains("Fetched by curl"))
        let ntriples = try curl(["-H", "Accept: application/n-triples", url])
        #expect(ntriples.body.contains("<https://test.example/curl/1> <http://purl.org/dc/terms/title> \"Fetched by curl\" ."))

        // curl's default Content-Type for --data-binary is the form type: the syntax is recognised.
        let replaced = try curl(["-X", "PUT", "-H", bearer, "--data-binary", "@" + good, url])
        #expect(replaced.status == 204, "\(replaced.body)")

        // A malformed body: 400 with the line, and the graph is as it was.
        let malformed = try curl(["-X", "PUT", "-H", bearer, "-H", "Content-Type: text/turtle", "--data-binary",
                                  "@" + NodeProcess.sampleData + "/malformed/syntax-error.ttl", url])
        #expect(malformed.status == 400)
        #expect(malformed.body.contains("line 7"), "\(malformed.body)")
        #expect(try curl(["-H", "Accept: text/turtle", url]).body == turtle.body)

        // Over max_body, sent chunked (no Content-Length): refused while reading, 413.
        let big = directory + "/big.ttl"
        var bigBody = F.description(resource: "https://test.example/curl/big")
        bigBody.append(Data(String(repeating: "# padding padding padding padding padding padding\n", count: 3000).utf8))
        try bigBody.write(to: URL(fileURLWithPath: big))
        let chunked = try curl(["-X", "PUT", "-H", bearer, "-H", "Content-Type: text/turtle",
                                "-H", "Transfer-Encoding: chunked", "--data-binary", "@" + big, url])
        #expect(chunked.status == 413, "\(chunked.body)")
        let declared = try curl(["-X", "PUT", "-H", bearer, "-H", "Content-Type: text/turtle", "--data-binary", "@" + big, url])
        #expect(declared.status == 413)

        // DELETE, then the graph is gone.
        let deleted = try curl(["-X", "DELETE", "-H", bearer, url])
        #expect(deleted.status == 204)
        #expect(try curl([url]).status == 404)
        #expect(try curl(["-X", "DELETE", "-H", bearer, url]).status == 404)
        #expect(try await node.quadCount() == before)

        // A query over curl too, for the record.
        let query = try curl(["-H", "Accept: text/csv", "--data-urlencode", "query=" + F.resourceCountQuery,
                              node.baseURL.absoluteString + "/sparql"])
        #expect(query.status == 200)
        #expect(query.body.replacingOccurrences(of: "\r\n", with: "\n") == "n\n\(F.sampleResources)\n")
    }
}
