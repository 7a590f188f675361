import Foundation
import Store

/// What a subscriber wants hints about: keywords, searched in the text of descriptions, or a
/// SPARQL pattern (or SELECT) that binds `?resource`.
public struct Interest: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case keywords, sparql
    }

    public let kind: Kind
    public let text: String

    /// Longer interests are refused: an interest is a few words or a short pattern.
    public static let maximumLength = 8_192

    /// Checks `text` as `kind` (detected when nil): keywords need a word; SPARQL must parse and
    /// bind `?resource` (the error names the line and column in `text`).
    public init(_ text: String, kind: Kind? = nil) throws(HubError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidInterest("empty") }
        guard trimmed.utf8.count <= Self.maximumLength else {
            throw .invalidInterest("\(trimmed.utf8.count) bytes, over the limit of \(Self.maximumLength)")
        }
        let kind = kind ?? Self.detectKind(trimmed)
        switch kind {
        case .keywords:
            guard !TextSearch.words(in: trimmed).isEmpty else {
                throw .invalidInterest("\"\(trimmed)\" has no word to search for")
            }
        case .sparql:
            _ = try InterestQuery.parse(trimmed)
        }
        self.kind = kind
        self.text = trimmed
    }

    /// An interest read back from the subscribers table, checked when it was stored.
    init(stored text: String, kind: Kind) {
        self.kind = kind
        self.text = text
    }

    /// SPARQL when the text names `?resource` or `$resource`, has braces, or starts with a query
    /// keyword; keywords otherwise.
    public static func detectKind(_ text: String) -> Kind {
        let lowered = text.lowercased()
        if lowered.contains("?resource") || lowered.contains("$resource") { return .sparql }
        if lowered.contains("{") && lowered.contains("}") { return .sparql }
        let first = lowered.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        return ["select", "prefix", "base"].contains(first) ? .sparql : .keywords
    }

    public var description: String { "\(kind.rawValue): \(text)" }
}
