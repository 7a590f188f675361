import Foundation

/// What is known about a description before its triples are loaded.
public struct DescriptionHeader: Sendable {
    /// The description's graph IRI: the default graph of the document is stored under it.
    public var graph: String
    /// Where the document came from (a file path, `-`, a peer), for listings and messages.
    public var source: String
    /// The syntax it was written in (Raptor's name), kept with the verbatim body.
    public var syntax: String
    public var issued: Date
    public var expires: Date?
    /// Who publishes it: decides who may replace it and how its version is numbered.
    public var origin: DescriptionOrigin

    public init(graph: String, source: String, syntax: String, issued: Date = Date(), expires: Date? = nil,
                origin: DescriptionOrigin = .unsigned) {
        self.graph = graph
        self.source = source
        self.syntax = syntax
        self.issued = issued
        self.expires = expires
        self.origin = origin
    }

    public var publisher: String? { origin.publisher }
}

/// A description as the store lists it.
public struct DescriptionRecord: Sendable, Codable, Equatable {
    public var graph: String
    public var source: String
    public var syntax: String
    public var publisher: String?
    public var version: Int
    public var issued: Date
    public var expires: Date?
    public var digest: String
    public var byteCount: Int
    public var quadCount: Int
    /// Named graphs the document declared besides its own graph.
    public var namedGraphs: [String]
}

/// What one publication did.
public struct PublishOutcome: Sendable, Equatable {
    public var graph: String
    public var version: Int
    public var quadCount: Int
    /// Whether an earlier version of the description was replaced.
    public var replaced: Bool

    public init(graph: String, version: Int, quadCount: Int, replaced: Bool) {
        self.graph = graph
        self.version = version
        self.quadCount = quadCount
        self.replaced = replaced
    }
}

/// A description waiting to be published: its header, how to load it and how to check it.
public struct PendingDescription {
    public var header: DescriptionHeader
    public var load: (DescriptionWriter) throws -> Void
    public var check: (DescriptionReader) throws -> Void

    public init(header: DescriptionHeader,
                load: @escaping (DescriptionWriter) throws -> Void,
                check: @escaping (DescriptionReader) throws -> Void = { _ in }) {
        self.header = header
        self.load = load
        self.check = check
    }
}
