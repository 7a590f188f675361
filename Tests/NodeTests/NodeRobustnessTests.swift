import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("grapevine serve under bad input and load", .serialized)
struct NodeRobustnessTests {
    static let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    @Test func twoHundredConcurrentQueriesAllSucceed() async throws {
        let node = try NodeProcess.start(arguments: ["--load", NodeProcess.sampleData])
        defer { node.stop() }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let query = index % 2 == 0 ? Self.count : "ASK { ?s a <https://w3id.org/grapevine/ns#Resource> }"
                    return try await node.get("/sparql?query=" + HTTP.encode(query),
                                              headers: ["Accept": "application/sparql-results+json"]).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
    }

    @Test func badRequestsGetTheirStatusAndTheNodeKeepsServing() async throws {
        let node = try NodeProcess.start(arguments: ["--load", NodeProcess.sampleData + "/publishers/civic-data.nt",
                                                     "--config", try Self.config(["max_body: 2048", "query_timeout: 1"])])
        defer { node.stop() }
        let malformed = try await node.get("/sparql?query=" + HTTP.encode("SELECT * WHERE { ?s ?p }"))
        #expect(malformed.status == 400)
        #expect(malformed.text.contains("line 1"), "\(malformed.text)")

        let big = Data(("query=" + String(repeating: "x", count: 10_000)).utf8)
        let tooLarge = try await node.send("POST", "/sparql", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: big)
        #expect(tooLarge.status == 413)

        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        let timedOut = try await node.get("/sparql?query=" + HTTP.encode(slow))
        #expect(timedOut.status == 503, "\(timedOut.status) \(timedOut.text)")

        let fine = try await node.get("/sparql?query=" + HTTP.encode(Self.count), headers: ["Accept": "application/sparql-results+json"])
        #expect(fine.status == 200)
        #expect(node.isRunning)
    }

    /// A client that sends half a request and stalls must not hold up anyone else.
    @Test func aSlowClientDoesNotBlockOthers() async throws {
        let node = try NodeProcess.start()
        defer { node.stop() }
        let socket = try Self.connect(port: node.port)
        defer { close(socket) }
        let partial = "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nSELECT"
        _ = partial.withCString { write(socket, $0, strlen($0)) }
        let started = Date()
        let response = try await node.get("/status")
        #expect(response.status == 200)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    static func config(_ lines: [String]) throws -> String {
        let path = NSTemporaryDirectory() + "grapevine-node-config-" + UUID().uuidString + ".yaml"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw NodeProcessError(message: "cannot connect to port \(port)") }
        return descriptor
    }
}
