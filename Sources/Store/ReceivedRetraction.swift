import Foundation

/// A retraction that arrived in a signed envelope: what the store needs to apply and keep it.
public struct ReceivedRetraction: Sendable, Equatable {
    public var graph: String
    public var publisher: String
    public var version: Int
    public var issued: Date
    public var expires: Date?
    /// The whole envelope (a retraction has no body), kept verbatim to pass on.
    public var envelope: [UInt8]

    public init(graph: String, publisher: String, version: Int, issued: Date, expires: Date?, envelope: [UInt8]) {
        self.graph = graph
        self.publisher = publisher
        self.version = version
        self.issued = issued
        self.expires = expires
        self.envelope = envelope
    }
}
