import Foundation

/// A retraction as the store lists it.
public struct RetractionRecord: Sendable, Equatable {
    public var graph: String
    public var publisher: String
    public var version: Int
    public var issued: Date
    public var expires: Date?
}
