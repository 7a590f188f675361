import Foundation
import RDF
import SPARQL
import Testing

/// What the protocol tests share: a node with SampleData and a token, documents to publish, and
/// readers for the answers.
enum ProtocolFixture {
    static let token = "protocol-test-token"
    static let authorization = ["Authorization": "Bearer " + token]

    /// gv:Resource descriptions in SampleData (SampleData/README.md).
    static let sampleResources = 480

    static let resourceCountQuery = """
        PREFIX gv: <https://w3id.org/grapevine/ns#>
        SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a gv:Resource }
        """

    /// A node serving SampleData with `token` (or none), and a YAML configuration if given.
    static func startNode(token: String? = ProtocolFixture.token, loadSampleData: Bool = true,
                          configuration: String? = nil) throws -> NodeProcess {
        var arguments: [String] = []
        if let token { arguments += ["--token", token] }
        if loadSampleData { arguments += ["--load", NodeProcess.sampleData] }
        var configurationFile: String?
        if let configuration {
            let path = NSTemporaryDirectory() + "grapevine-protocol-\(UUID().uuidString).yaml"
            try Data(configuration.utf8).write(to: URL(fileURLWithPath: path))
            arguments += ["--config", path]
            configurationFile = path
        }
        // The node reads its configuration once, before it answers /status.
        defer { if let configurationFile { try? FileManager.default.removeItem(atPath: configurationFile) } }
        return try NodeProcess.start(arguments: arguments)
    }

    /// The graph IRI `--load` gives a SampleData file: its absolute file: URL.
    static func sampleGraph(_ relative: String) -> String {
        URL(fileURLWithPath: NodeProcess.sampleData + "/" + relative).standardizedFileURL.absoluteString
    }

    static func sampleFile(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: NodeProcess.sampleData + "/" + relative))
    }

    /// A minimal description that keeps the publishing rules: one resource, with a title and a
    /// location with an absolute URL.
    static func description(resource: String = "https://test.example/r/1", title: String = "Test resource",
                            location: String = "https://mirror.example.org/files/1.tar.gz") -> Data {
        Data("""
            @prefix gv: <https://w3id.org/grapevine/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            <\(resource)> a gv:Resource ;
                dcterms:title "\(title)" ;
                gv:location [ gv:url <\(location)> ] .

            """.utf8)
    }

    /// `/sparql?query=…` with extra parameters.
    static func queryPath(_ query: String, _ extra: [(String, String)] = []) -> String {
        "/sparql?" + HTTP.form([("query", query)] + extra)
    }

    /// Parses a result document in `format` with the project's own result parsers.
    static func parse(_ response: HTTPResponse, as format: ResultFormat) throws -> QueryResult {
        try ResultParser.parse(response.body, format: format)
    }

    /// The single integer a `SELECT (COUNT(…) AS ?n)` answered, from any result format.
    static func count(_ response: HTTPResponse, as format: ResultFormat = .json) throws -> Int {
        guard case .solutions(let table) = try parse(response, as: format),
              table.rows.count == 1, let term = table.rows[0].first ?? nil,
              case .literal(let literal) = term, let value = Int(literal.lexical) else {
            throw NodeProcessError(message: "not a one-number answer: \(response.text)")
        }
        return value
    }

    /// How many gv:Resource subjects the node holds, over GET /sparql.
    static func resourceCount(_ node: NodeProcess) async throws -> Int {
        let response = try await node.get(queryPath(resourceCountQuery))
        #expect(response.status == 200, "\(response.text)")
        return try count(response)
    }

    /// `ASK { <iri> ?p ?o }` over the node.
    static func holds(_ node: NodeProcess, subject: String) async throws -> Bool {
        let response = try await node.get(queryPath("ASK { <\(subject)> ?p ?o }"))
        guard case .boolean(let value) = try parse(response, as: .json) else {
            throw NodeProcessError(message: "not a boolean: \(response.text)")
        }
        return value
    }
}

/// Runs a command found on PATH (`python3`, `curl`) and collects what it printed.
enum ProtocolCommand {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ command: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let directory = NSTemporaryDirectory() + "grapevine-command-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Files, not pipes: nothing can block on a full pipe.
        let out = directory + "/stdout", err = directory + "/stderr"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
