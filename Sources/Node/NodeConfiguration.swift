import Foundation
import Publishing
import Store
import Yams

/// How a node runs: where it listens, its store, who may write, and its limits; and the
/// settings of the Red Rover commands that run beside it on the same store.
///
/// Read from a YAML file (`grapevine serve --config node.yaml`, and `--config` of `grapevine rover
/// send`, `rover inbox` and `hints receive`); command-line options override it. Every key is
/// optional; an unknown key, a value of the wrong kind or one its command would refuse is an
/// error naming the file, the line and the key (a typo must not pass silently):
///
/// ```yaml
/// host: 127.0.0.1        # loopback unless told otherwise
/// port: 8470
/// db: /var/lib/grapevine/grapevine.sqlite   # also the store of the rover and hints commands
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
/// hubs: [<peer id>, …]   # Red Rover hubs whose mailed hints `hints receive` imports
/// rover:                 # this store as a Red Rover hub: see RoverConfiguration
///   from: Red Rover <hub@example.org>
///   smtp: smtp://hub:secret@mail.example.org:587
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
    /// Hubs whose hints `grapevine hints receive` accepts, besides `<db>.hubs` and `--trust`.
    public var hubs: [PeerID] = []
    /// Settings of `grapevine rover send` and `rover inbox`.
    public var rover = RoverConfiguration()

    public init() {}

    public var advertisedAddress: String {
        advertise ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    static let keys = [
        "host", "port", "db", "token", "query_timeout", "max_results", "max_body", "load", "peers", "advertise", "trust",
        "network_key", "gossip_interval", "gossip_budget", "max_envelope", "hubs", "rover",
    ]

    /// Reads a YAML configuration file. Throws `ConfigurationError` naming the file (and the
    /// line and key) of the first problem.
    public static func load(from path: String) throws -> NodeConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: path, message: "cannot read the configuration: \(error.localizedDescription)")
        }
        let document: Yams.Node?
        do {
            document = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError(path: path, yaml: error)
        }
        guard let document else { return NodeConfiguration() }
        guard case .mapping = document else {
            throw ConfigurationError(path: path, line: document.mark?.line, message: "expected a mapping of keys to values")
        }
        var configuration = NodeConfiguration()
        for (key, value) in try ConfigurationValue(node: document, key: "", path: path).entries() {
            switch key {
            case "host": configuration.host = try value.string()
            case "port": configuration.port = try value.int()
            case "db": configuration.databasePath = try value.string()
            case "token": configuration.token = try value.string()
            case "query_timeout": configuration.queryTimeout = try value.number()
            case "max_results": configuration.maxResults = try value.int()
            case "max_body": configuration.maxBodyBytes = try value.int()
            case "load": configuration.load = try value.strings()
            case "peers": configuration.peers = try value.strings()
            case "advertise": configuration.advertise = try value.string()
            case "trust": configuration.trust = try peerIDs(value, of: "publisher")
            case "network_key": configuration.networkKey = try value.string()
            case "gossip_interval": configuration.gossipInterval = try value.number()
            case "gossip_budget": configuration.gossipBudget = try value.int()
            case "max_envelope": configuration.maxEnvelopeBytes = try value.int()
            case "hubs": configuration.hubs = try peerIDs(value, of: "hub")
            case "rover": configuration.rover = try RoverConfiguration(value)
            default:
                throw ConfigurationError(path: path, line: value.line,
                                         message: "unknown key '\(key)' (\(keys.joined(separator: ", ")))")
            }
        }
        return configuration
    }

    /// A list of peer ids, each checked, an error naming the one at fault.
    private static func peerIDs(_ value: ConfigurationValue, of what: String) throws -> [PeerID] {
        let texts = try value.strings()
        return try texts.enumerated().map { index, text in
            guard let id = PeerID(text.trimmingCharacters(in: .whitespaces)) else {
                let item: ConfigurationValue = if case .sequence(let list) = value.node {
                    ConfigurationValue(node: list[index], key: "\(value.key)[\(index + 1)]", path: value.path)
                } else {
                    value
                }
                throw item.error("is '\(text)', not a \(what)'s peer id (52 base32 characters, as `grapevine whoami` prints)")
            }
            return id
        }
    }
}
