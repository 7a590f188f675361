import Foundation
import Publishing
import Store
import Yams

/// How a node runs: where it listens, its store, who may write, and its limits.
///
/// Read from a YAML file (`grapevine serve --config node.yaml`); command-line options override it.
/// Every key is optional:
///
/// ```yaml
/// host: 127.0.0.1        # loopback unless told otherwise
/// port: 8470
/// db: /var/lib/grapevine/grapevine.sqlite
/// token: s3cret          # bearer token required for writes (PUT/POST/DELETE on /store)
/// query_timeout: 30      # seconds
/// max_results: 1000000   # solutions any step of a query may hold
/// max_body: 16777216     # bytes accepted in one request
/// load: [SampleData]     # files or folders published at start
/// peers: [http://10.0.0.2:8470]   # peers to join the network through
/// advertise: http://10.0.0.1:8470 # where peers reach this node (default: http://host:port)
/// trust: [<peer id>, …]  # publishers whose descriptions this node accepts (empty: all)
/// network_key: s3cret    # shared secret of a private network: strangers' gossip is refused
/// gossip_interval: 1     # seconds between gossip rounds
/// gossip_budget: 4194304 # bytes of envelopes sent to one partner per round
/// max_envelope: 16777216 # largest envelope accepted from a peer
/// ```
public struct NodeConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8470
    public var databasePath = StoreLocation.defaultPath()
    /// Writes need `Authorization: Bearer <token>`; without a token configured, writes are refused.
    public var token: String?
    public var queryTimeout: Double = 30
    public var maxResults = 1_000_000
    public var maxBodyBytes = 16 << 20
    public var load: [String] = []
    public var peers: [String] = []
    /// Where peers reach this node; nil: `http://host:port`.
    public var advertise: String?
    public var trust: [PeerID] = []
    public var networkKey: String?
    public var gossipInterval: Double = 1
    public var gossipBudget = 4 << 20
    public var maxEnvelopeBytes = 16 << 20

    public init() {}

    public var advertisedAddress: String {
        advertise ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// Reads a YAML configuration file; unknown keys are an error (a typo must not pass silently).
    public static func load(from path: String) throws -> NodeConfiguration {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let values = try Yams.load(yaml: text) as? [String: Any] else {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return NodeConfiguration() }
            throw ConfigurationError(path: path, message: "expected a mapping of keys to values")
        }
        var configuration = NodeConfiguration()
        for (key, value) in values {
            func require<T>(_ type: T.Type) throws -> T {
                guard let typed = value as? T else {
                    throw ConfigurationError(path: path, message: "'\(key)' has the wrong type (\(value))")
                }
                return typed
            }
            switch key {
            case "host": configuration.host = try require(String.self)
            case "port": configuration.port = try require(Int.self)
            case "db": configuration.databasePath = try require(String.self)
            case "token": configuration.token = "\(value)"
            case "query_timeout":
                configuration.queryTimeout = try (value as? Double) ?? Double(require(Int.self))
            case "max_results": configuration.maxResults = try require(Int.self)
            case "max_body": configuration.maxBodyBytes = try require(Int.self)
            case "load":
                configuration.load = try (value as? [String]) ?? [require(String.self)]
            case "peers":
                configuration.peers = try (value as? [String]) ?? [require(String.self)]
            case "advertise": configuration.advertise = try require(String.self)
            case "trust":
                let ids = try (value as? [String]) ?? [require(String.self)]
                configuration.trust = try ids.map { text in
                    guard let id = PeerID(text) else {
                        throw ConfigurationError(path: path, message: "'trust' lists '\(text)', which is not a peer id (52 base32 characters, as `grapevine whoami` prints)")
                    }
                    return id
                }
            case "network_key": configuration.networkKey = "\(value)"
            case "gossip_interval":
                configuration.gossipInterval = try (value as? Double) ?? Double(require(Int.self))
            case "gossip_budget": configuration.gossipBudget = try require(Int.self)
            case "max_envelope": configuration.maxEnvelopeBytes = try require(Int.self)
            default:
                throw ConfigurationError(path: path, message: "unknown key '\(key)' (host, port, db, token, query_timeout, max_results, max_body, load, peers, advertise, trust, network_key, gossip_interval, gossip_budget, max_envelope)")
            }
        }
        return configuration
    }
}

public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
