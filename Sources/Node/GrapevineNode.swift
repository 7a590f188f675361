import Crypto
import Foundation
import Logging
import Publishing
import RDFSyntax
import SPARQL
import Store

/// The state a running node shares between its routes: the store, the query engine, the
/// publishing pipeline and the configuration. Routes hold no state of their own.
public final class GrapevineNode: Sendable {
    public let configuration: NodeConfiguration
    public let store: QuadStore
    public let engine: QueryEngine
    public let publisher: DescriptionPublisher
    public let startedAt: Date
    public let logger: Logger
    /// The node's identity and its part in the network.
    public let gossip: NodeGossip

    public init(configuration: NodeConfiguration, logger: Logger = Logger(label: "grapevine")) throws {
        self.configuration = configuration
        self.logger = logger
        store = try QuadStore(path: configuration.databasePath, concurrentReads: true)
        engine = QueryEngine(store: store, options: QueryOptions(timeout: configuration.queryTimeout,
                                                                   maxResults: configuration.maxResults))
        let identity = try PeerIdentity.loadOrCreate(forDatabase: configuration.databasePath)
        if identity.created {
            logger.info("created identity \(identity.identity.id) in \(PeerIdentity.keyPath(forDatabase: configuration.databasePath))")
        }
        publisher = DescriptionPublisher(store: store, shapes: try ShapesGraph.bundled(), identity: identity.identity)
        gossip = try NodeGossip(configuration: configuration, store: store, publisher: publisher,
                                identity: identity.identity, logger: logger)
        startedAt = Date()
    }

    /// Publishes every RDF file named, or found under a named folder (for `--load SampleData`).
    /// Files that are not RDF by their extension are skipped; one publish, all or nothing.
    public func load(_ paths: [String]) throws -> [PublishOutcome] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ConfigurationError(path: path, message: "no such file or folder to load")
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                while let relative = enumerator?.nextObject() as? String {
                    // Broken examples are kept in SampleData for the error paths; never load them.
                    if relative.split(separator: "/").contains("malformed") { continue }
                    if Self.rdfExtensions.contains((relative as NSString).pathExtension.lowercased()) {
                        files.append(path + "/" + relative)
                    }
                }
            } else {
                files.append(path)
            }
        }
        // A restart with the same --load must not publish (and gossip) new versions of files
        // that have not changed: only new or changed documents are published.
        let stored = Dictionary(try store.descriptions().map { ($0.graph, $0.digest) }, uniquingKeysWith: { first, _ in first })
        let changed = try files.sorted().filter { file in
            let graph = DescriptionPublisher.defaultGraph(for: .file(file))
            guard let digest = stored[graph] else { return true }
            return try Self.digest(ofFile: file) != digest
        }
        if changed.isEmpty { return [] }
        return try publisher.publish(changed.map { PublishRequest(source: .file($0)) })
    }

    private static func digest(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigurationError(path: path, message: "cannot read")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 18), !chunk.isEmpty { hasher.update(data: chunk) }
        return "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static let rdfExtensions: Set<String> = ["rdf", "rss", "owl", "ttl", "nt", "nq", "trig"]
}
