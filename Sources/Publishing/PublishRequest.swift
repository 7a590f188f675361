import Foundation
import RDFSyntax

/// How to publish one document.
public struct PublishRequest: Sendable {
    public var source: DocumentSource
    /// The description's graph IRI; nil derives it from the source (see `defaultGraph(for:)`).
    public var graph: String?
    public var parse: ParseOptions
    /// Check against the shapes; off only for tools that load arbitrary RDF on purpose.
    public var validate: Bool
    /// When the description stops being valid: peers drop it then, and so does this store.
    public var expires: Date?

    public init(source: DocumentSource, graph: String? = nil, parse: ParseOptions = ParseOptions(),
                validate: Bool = true, expires: Date? = nil) {
        self.source = source
        self.graph = graph
        self.parse = parse
        self.validate = validate
        self.expires = expires
    }
}

/// Progress of a load, reported after every chunk.
public struct LoadProgress: Sendable {
    public var bytesRead: Int
    public var totalBytes: Int?
    public var quads: Int
}
