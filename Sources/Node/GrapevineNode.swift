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

    public init(configuration: NodeConfiguration, logger: Logger = Logger(label: "grapevine")) throws {
        self.configuration = configuration
        self.logger = logger
        store = try QuadStore(path: configuration.databasePath, concurrentReads: true)
        engine = QueryEngine(store: store, options: QueryOptions(timeout: configuration.queryTimeout,
                                                                   maxResults: configuration.maxResults))
        publisher = DescriptionPublisher(store: store, shapes: try ShapesGraph.bundled())
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
        return try publisher.publish(files.sorted().map { PublishRequest(source: .file($0)) })
    }

    static let rdfExtensions: Set<String> = ["rdf", "rss", "owl", "ttl", "nt", "nq", "trig"]
}
