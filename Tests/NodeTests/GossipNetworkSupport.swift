import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Gossip
import Publishing
import Testing

/// The `grapevine serve` processes of one gossip test, by name, and what a failure report needs:
/// each node's log tail and peer list.
///
/// Every node gets its own folder (store, `<db>.key`, `<db>.peers.json`, log, configuration
/// file), so a node halted with `halt(_:)` comes back with `restart(_:)` on the same database,
/// identity, configuration and port.
final class GossipCluster: @unchecked Sendable {
    /// Seconds between gossip rounds: short, so a test converges in a second or two.
    static let interval = "0.2"
    /// What any one convergence may take before the test fails (generous: 2 cores, other suites).
    static let deadline: TimeInterval = 30
    static let token = "gossip-test-token"

    private let lock = NSLock()
    private var members: [(name: String, node: NodeProcess)] = []
    /// A folder for documents to publish and configuration files.
    let scratch: String

    init() throws {
        scratch = NSTemporaryDirectory() + "grapevine-gossip-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    deinit {
        stopAll()
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// A fresh folder for a node, so its key can be made (`grapevine init`) before it starts.
    func newDirectory(_ name: String) throws -> String {
        let directory = NSTemporaryDirectory() + "grapevine-gossip-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Starts `grapevine serve --gossip-interval 0.2 [--config DIR/node.yaml] [--peer URL…] <arguments>`
    /// in `directory` (a new folder if nil). `peers` are URLs given with `--peer`.
    @discardableResult
    func start(_ name: String, peers: [String] = [], configuration: String? = nil, arguments: [String] = [],
               environment: [String: String] = [:], directory: String? = nil) throws -> NodeProcess {
        let directory = try directory ?? newDirectory(name)
        var all = ["--gossip-interval", Self.interval]
        if let configuration {
            let path = directory + "/node.yaml"
            try Data(configuration.utf8).write(to: URL(fileURLWithPath: path))
            all += ["--config", path]
        }
        for peer in peers { all += ["--peer", peer] }
        let node = try NodeProcess.start(arguments: all + arguments, environment: environment, directory: directory)
        lock.withLock { members.append((name, node)) }
        return node
    }

    subscript(name: String) -> NodeProcess {
        lock.withLock { members.first { $0.name == name }!.node }
    }

    var names: [String] { lock.withLock { members.map(\.name) } }
    var nodes: [NodeProcess] { lock.withLock { members.map(\.node) } }

    /// Stops a node, keeping its folder.
    func halt(_ name: String) {
        self[name].halt()
    }

    /// Starts a halted node again on its folder and port.
    @discardableResult
    func restart(_ name: String) throws -> NodeProcess {
        let node = try self[name].restart()
        lock.withLock {
            if let index = members.firstIndex(where: { $0.name == name }) { members[index].node = node }
        }
        return node
    }

    func stopAll() {
        for node in nodes { node.stop() }
    }

    // MARK: Waiting

    /// Polls `condition` on each named node (all by default) until it holds on every one, and
    /// records a failure naming the nodes where it does not (with every node's log tail) after
    /// `timeout` seconds. A condition that throws counts as not yet true.
    @discardableResult
    func onEveryNode(_ what: String, on names: [String]? = nil, timeout: TimeInterval = GossipCluster.deadline,
                     sourceLocation: SourceLocation = #_sourceLocation,
                     _ condition: (NodeProcess) async throws -> Bool) async -> Bool {
        let names = names ?? self.names
        let deadline = Date().addingTimeInterval(timeout)
        var pending = names
        var problems: [String: String] = [:]
        while true {
            var still: [String] = []
            for name in pending {
                do {
                    if try await condition(self[name]) { continue }
                    problems[name] = "condition false"
                } catch {
                    problems[name] = "\(error)"
                }
                still.append(name)
            }
            pending = still
            if pending.isEmpty { return true }
            if Date() > deadline {
                let detail = pending.map { "\($0): \(problems[$0] ?? "")" }.joined(separator: "; ")
                Issue.record("\(what): not on \(pending.joined(separator: ", ")) within \(Int(timeout)) s (\(detail))\n\(report())",
                             sourceLocation: sourceLocation)
                return false
            }
            try? await Task.sleep(for: .milliseconds(150))
        }
    }

    /// Polls `condition` until it holds; records a failure with the nodes' logs after `timeout`.
    @discardableResult
    func eventually(_ what: String, timeout: TimeInterval = GossipCluster.deadline,
                    sourceLocation: SourceLocation = #_sourceLocation,
                    _ condition: () async throws -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var problem = "condition false"
        while true {
            do {
                if try await condition() { return true }
                problem = "condition false"
            } catch {
                problem = "\(error)"
            }
            if Date() > deadline {
                Issue.record("\(what): not within \(Int(timeout)) s (\(problem))\n\(report())", sourceLocation: sourceLocation)
                return false
            }
            try? await Task.sleep(for: .milliseconds(150))
        }
    }

    /// Each node's state, the tail of its log (without the one-line-per-request lines) and its
    /// peer list (one line per peer), for failure messages.
    func report(lines: Int = 30) -> String {
        lock.withLock { members }.map { name, node in
            let tail = node.log.split(separator: "\n").filter { !$0.contains("hb.request.id=") }.suffix(lines)
                .map { $0.prefix(400) }.joined(separator: "\n")
            let peers = (try? ListedPeer.list(node).map { peer in
                "  \(peer.address) \(peer.id?.prefix(8) ?? "-") \(peer.state)\(peer.banned ? " banned" : "") last=\(peer.lastContact ?? "never") envelopes=\(peer.envelopesReceived) invalid=\(peer.invalid)"
            }.joined(separator: "\n")) ?? "  (no peer list)"
            return "── node \(name) \(node.baseURL) (\(node.isRunning ? "running" : "stopped")) ──\n\(tail)\n── \(name)'s peers:\n\(peers)"
        }.joined(separator: "\n")
    }

    // MARK: Documents and the command line

    /// Writes a document into the scratch folder and returns its path.
    func write(_ name: String, _ data: Data) throws -> String {
        let path = scratch + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs the `grapevine` tool; throws with its output unless it exits 0.
    @discardableResult
    static func grapevine(_ arguments: [String]) throws -> ProtocolCommand.Result {
        let result = try ProtocolCommand.run(NodeProcess.executable, arguments)
        guard result.status == 0 else {
            throw NodeProcessError(message: "grapevine \(arguments.joined(separator: " ")) exited \(result.status):\n\(result.stdout)\(result.stderr)")
        }
        return result
    }

    /// `grapevine publish --db <node's database> --graph GRAPH [extra] FILE`, into a running node's store.
    @discardableResult
    static func publish(into node: NodeProcess, _ file: String, graph: String, _ extra: [String] = []) throws -> String {
        try grapevine(["publish", "--db", node.databasePath, "--graph", graph] + extra + [file]).stdout
    }
}

/// Asking a node what it holds, over its SPARQL endpoint.
enum GossipQuery {
    static let prefixes = """
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX gv: <https://w3id.org/grapevine/ns#>

        """

    /// The rows of a SELECT, each variable's value as text.
    static func select(_ node: NodeProcess, _ query: String) async throws -> [[String: String]] {
        let response = try await node.get(ProtocolFixture.queryPath(prefixes + query),
                                          headers: ["Accept": "application/sparql-results+json"])
        guard response.status == 200,
              let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let results = object["results"] as? [String: Any],
              let bindings = results["bindings"] as? [[String: Any]] else {
            throw NodeProcessError(message: "SELECT answered \(response.status): \(response.text.prefix(300))")
        }
        return bindings.map { row in row.compactMapValues { ($0 as? [String: Any])?["value"] as? String } }
    }

    /// Every resource title the node holds (in the union of its descriptions, or in `from`), sorted.
    static func titles(_ node: NodeProcess, from: String? = nil) async throws -> [String] {
        let dataset = from.map { "FROM <\($0)>\n" } ?? ""
        return try await select(node, "SELECT ?t \(dataset)WHERE { ?r a gv:Resource ; dcterms:title ?t } ORDER BY ?t")
            .compactMap { $0["t"] }
    }

    /// The node's descriptions count from `/status`.
    static func descriptions(_ node: NodeProcess) async throws -> Int {
        guard let count = try await node.status()["descriptions"] as? Int else {
            throw NodeProcessError(message: "/status has no descriptions count")
        }
        return count
    }

    static func peerID(_ node: NodeProcess) async throws -> String {
        guard let id = try await node.status()["peer_id"] as? String else {
            throw NodeProcessError(message: "/status has no peer_id")
        }
        return id
    }

    /// A description with one resource per title, that keeps the publishing rules.
    static func document(_ resources: [(iri: String, title: String)]) -> Data {
        var text = """
            @prefix gv: <https://w3id.org/grapevine/ns#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .

            """
        for (index, resource) in resources.enumerated() {
            text += """
                <\(resource.iri)> a gv:Resource ;
                    dcterms:title "\(resource.title)" ;
                    gv:location [ gv:url <https://mirror.example.org/files/\(index).tar.gz> ] .

                """
        }
        return Data(text.utf8)
    }
}

/// What `grapevine peers --db PATH --json` prints: one entry per known peer.
struct ListedPeer {
    var id: String?
    var address: String
    var state: String
    var lastContact: String?
    var envelopesReceived: Int
    var invalid: Int
    var banned: Bool

    /// Runs `grapevine peers --db <node's database> --json` and reads its output.
    static func list(_ node: NodeProcess) throws -> [ListedPeer] {
        let output = try GossipCluster.grapevine(["peers", "--db", node.databasePath, "--json"]).stdout
        guard let entries = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] else {
            throw NodeProcessError(message: "grapevine peers --json printed no list: \(output.prefix(300))")
        }
        return entries.map { entry in
            ListedPeer(id: entry["id"] as? String, address: entry["address"] as? String ?? "",
                       state: entry["state"] as? String ?? "", lastContact: entry["lastContact"] as? String,
                       envelopesReceived: entry["envelopesReceived"] as? Int ?? -1,
                       invalid: entry["invalid"] as? Int ?? -1, banned: entry["banned"] as? Bool ?? false)
        }
    }
}

/// This test acting as a peer: its own identity and an address where nothing answers gossip,
/// speaking the protocol to a node with the project's own codec, over plain HTTP.
struct TestPeer {
    let identity: PeerIdentity
    let address: String
    var key: NetworkKey?

    /// A new identity. The address is `ClosedDoor.shared` (404 to everything): a node that
    /// tries to gossip with this peer fails at once and counts it suspect, then dead.
    init(_ label: String, key: NetworkKey? = nil) {
        identity = PeerIdentity.generate()
        address = ClosedDoor.shared.url + "/" + label
        self.key = key
    }

    var record: PeerRecord { PeerRecord(id: identity.id, address: address) }
    var id: String { identity.id.description }

    /// POSTs `body` to `path` with this peer's id and signature and, when it has a key, a network
    /// proof. `signedBy` signs with another identity (a framing attempt); `signs: false` omits it.
    func post(_ body: [UInt8], to path: String, on node: NodeProcess, proof: String? = nil,
              sendsID: Bool = true, signs: Bool = true, signedBy signer: PeerIdentity? = nil) async throws -> HTTPResponse {
        var headers = ["Content-Type": GossipHTTP.contentType]
        if sendsID { headers[GossipHTTP.peerHeader] = id }
        if signs { headers[GossipHTTP.signatureHeader] = try PeerSignature.sign(path: path, body: body, by: signer ?? identity) }
        if let proof = proof ?? key?.proof(.request, path: path, body: body) {
            headers[GossipHTTP.proofHeader] = proof
        }
        return try await node.send("POST", path, headers: headers, body: Data(body), timeout: 30)
    }

    func exchangeBody(digest: Digest = Digest()) -> [UInt8] {
        GossipCodec.encode(ExchangeRequest(sender: record, digest: digest, peers: []))
    }

    /// Step 1 of an exchange, expecting an answer: with an empty digest, everything the node holds.
    func exchange(with node: NodeProcess, digest: Digest = Digest()) async throws -> ExchangeResponse {
        let response = try await post(exchangeBody(digest: digest), to: GossipHTTP.exchangePath, on: node)
        guard response.status == 200 else {
            throw NodeProcessError(message: "exchange answered \(response.status): \(response.text.prefix(300))")
        }
        return try GossipCodec.decodeExchangeResponse([UInt8](response.body))
    }

    /// Pushes envelopes; the HTTP answer and, when it is 200, the node's report.
    func push(_ envelopes: [[UInt8]], to node: NodeProcess) async throws -> (response: HTTPResponse, report: AcceptReport?) {
        let body = GossipCodec.encode(PushRequest(sender: record, envelopes: envelopes.map(EnvelopeData.init)))
        let response = try await post(body, to: GossipHTTP.pushPath, on: node)
        let report = response.status == 200 ? try GossipCodec.decodeAcceptReport([UInt8](response.body)) : nil
        return (response, report)
    }
}

extension NodeProcess {
    /// The node's whole store as N-Quads (`grapevine export`): two equal exports mean equal data.
    func exportNQuads() throws -> String {
        try GossipCluster.grapevine(["export", "--db", databasePath, "--format", "nquads"]).stdout
    }

    /// Log text written after `offset` characters (take `log.count` before an action).
    func log(after offset: Int) -> String {
        let text = log
        return offset < text.count ? String(text.dropFirst(offset)) : ""
    }

    /// Resident memory in KiB, from /proc (nil where there is no /proc).
    var residentKiB: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}

/// A loopback HTTP server that answers every request with 404 and closes: the address of the
/// test's own peers. (A closed port would do too, but AsyncHTTPClient retries a refused
/// connection until the request's deadline, so each node contacting one would wait seconds.)
final class ClosedDoor: Sendable {
    static let shared = ClosedDoor()

    let url: String

    private init() {
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        precondition(listener >= 0, "socket() failed")
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 64) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        precondition(bound, "could not listen on loopback")
        url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        // Lives as long as the test process: one thread, blocking accepts.
        let thread = Thread {
            let answer = Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 { continue }
                // Read what the request sent so far (its head at least), answer, close.
                _ = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
                #if canImport(Glibc)
                let flags = Int32(MSG_NOSIGNAL)
                #else
                let flags: Int32 = 0
                #endif
                _ = answer.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, flags) }
                shutdown(connection, Int32(SHUT_RDWR))
                close(connection)
            }
        }
        thread.start()
    }
}
