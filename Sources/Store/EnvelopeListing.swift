import Foundation

/// One signed envelope the store holds (a description or a retraction), without its bytes:
/// enough to choose what to send within a byte budget before reading any body.
public struct EnvelopeListing: Sendable, Equatable {
    public var graph: String
    public var publisher: String
    public var version: Int
    public var issued: Date
    /// The whole envelope's size, head and body.
    public var byteCount: Int
    public var isRetraction: Bool

    public init(graph: String, publisher: String, version: Int, issued: Date, byteCount: Int, isRetraction: Bool) {
        self.graph = graph
        self.publisher = publisher
        self.version = version
        self.issued = issued
        self.byteCount = byteCount
        self.isRetraction = isRetraction
    }
}
