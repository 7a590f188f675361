import Foundation

/// A content hint: a resource, and a location where it can be fetched until a given time.
///
/// This is what a hub mails and a subscriber imports; the signed block carries a list of them,
/// the readable part of the mail shows the same list to a person.
public struct Hint: Sendable, Hashable {
    /// The resource's IRI, as the hub's catalogue names it.
    public var resource: String
    /// The resource's `dcterms:title`.
    public var title: String
    /// The absolute URL to fetch it from (`gv:url`); a hint is known by its URL.
    public var url: String
    /// The location node's IRI, when the catalogue names the location; nil for a blank node.
    public var location: String?
    /// The location's `gv:validUntil`; the block carries whole seconds.
    public var validUntil: Date

    public init(resource: String, title: String, url: String, location: String? = nil, validUntil: Date) {
        self.resource = resource
        self.title = title
        self.url = url
        self.location = location
        self.validUntil = validUntil
    }

    /// Whether the location can still be used at `now`.
    public func isValid(at now: Date) -> Bool { validUntil > now }
}
