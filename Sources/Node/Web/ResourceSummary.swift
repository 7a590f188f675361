import Foundation
import RDF

/// What a search result shows of one resource: its Dublin Core description, where copies are and
/// until when, and who publishes it.
struct ResourceSummary: Sendable {
    /// A place a copy can be fetched from, and until when.
    struct Location: Sendable {
        var url: String
        /// The lexical form of `gv:validUntil`, if given.
        var validUntil: String?
        /// Whether `validUntil` has passed (false when there is none or it cannot be read).
        var isExpired: Bool
    }

    /// An agent named by IRI (with the label the store gives it) or by a literal name.
    struct Agent: Sendable, Equatable {
        var iri: String?
        var name: String
    }

    var subject: Term
    var title: String?
    var creators: [Agent] = []
    var date: String?
    var formats: [String] = []
    var size: UInt64?
    var description: String?
    var subjects: [String] = []
    var locations: [Location] = []
    var publishers: [Agent] = []

    init(subject: Term) { self.subject = subject }

    /// What to call it: the title, else its IRI.
    var displayTitle: String { title ?? subject.iriValue ?? subject.description }
}
