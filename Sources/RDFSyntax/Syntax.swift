import Foundation

/// The RDF syntaxes Grapevine reads, by Raptor's parser names.
public enum Syntax: String, CaseIterable, Sendable {
    case rdfxml
    case turtle
    case ntriples
    case nquads
    case trig
    /// Raptor's lenient RSS/Atom reader; RSS 1.0 is RDF/XML and also parses as `rdfxml`.
    case rssTagSoup = "rss-tag-soup"

    /// Raptor's name for the parser.
    public var raptorName: String { rawValue }

    /// Syntaxes whose specification requires UTF-8. RDF/XML declares its encoding in the XML prolog.
    var requiresUTF8: Bool {
        switch self {
        case .turtle, .ntriples, .nquads, .trig: true
        case .rdfxml, .rssTagSoup: false
        }
    }

    /// Whether documents in this syntax can name graphs.
    public var carriesGraphs: Bool { self == .nquads || self == .trig }

    /// Parses the names users type: Raptor's names plus common aliases (`ttl`, `nt`, `xml`, `rss`).
    public init?(name: String) {
        switch name.lowercased() {
        case "rdfxml", "rdf/xml", "rdf", "xml", "owl": self = .rdfxml
        case "turtle", "ttl": self = .turtle
        case "ntriples", "n-triples", "nt": self = .ntriples
        case "nquads", "n-quads", "nq": self = .nquads
        case "trig": self = .trig
        case "rss-tag-soup", "rss", "atom": self = .rssTagSoup
        default: return nil
        }
    }

    /// The syntax a file extension names, if any.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "rdf", "owl", "xml", "rdfs": self = .rdfxml
        case "rss":
            // RSS 1.0 is RDF/XML; the strict parser keeps every triple and reports real errors.
            self = .rdfxml
        case "atom": self = .rssTagSoup
        case "ttl", "turtle": self = .turtle
        case "nt", "ntriples": self = .ntriples
        case "nq", "nquads": self = .nquads
        case "trig": self = .trig
        default: return nil
        }
    }

    /// Guesses from the first bytes of a document when the name says nothing.
    ///
    /// Raptor's own guesser scores the bytes too, but it readily answers "rdfxml" for anything;
    /// these rules only answer when the content is unambiguous.
    public static func sniff(_ prefix: [UInt8]) -> Syntax? {
        let text = String(decoding: prefix.prefix(4096), as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<rdf:RDF") || trimmed.contains("<rdf:RDF") {
            return .rdfxml
        }
        if trimmed.hasPrefix("<rss") || trimmed.hasPrefix("<feed") { return .rssTagSoup }
        let lines = trimmed.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let first = lines.first else { return nil }
        let lowered = first.lowercased()
        if first.hasPrefix("@prefix") || first.hasPrefix("@base") || lowered.hasPrefix("prefix ") || lowered.hasPrefix("base ") {
            return lines.contains { Self.opensGraph($0) } ? .trig : .turtle
        }
        if first.hasPrefix("<") || first.hasPrefix("_:") {
            // N-Triples lines hold three terms and a dot; N-Quads lines may hold a fourth.
            let sample = lines.prefix(20)
            if sample.allSatisfy({ $0.hasSuffix(".") }) {
                return sample.contains(where: { Self.termCount($0) == 4 }) ? .nquads : .ntriples
            }
            return .turtle
        }
        return nil
    }

    /// Whether a Turtle-like line opens a TriG graph block: a `{` outside IRIs and strings, or
    /// the `GRAPH` keyword.
    private static func opensGraph(_ line: String) -> Bool {
        if line.lowercased().hasPrefix("graph ") { return true }
        var quote: Character?
        var inIRI = false
        var escaped = false
        for char in line {
            if escaped { escaped = false; continue }
            if let open = quote {
                if char == "\\" { escaped = true } else if char == open { quote = nil }
            } else if inIRI {
                if char == ">" { inIRI = false }
            } else {
                switch char {
                case "\"", "'": quote = char
                case "<": inIRI = true
                case "#": return false
                case "{": return true
                default: break
                }
            }
        }
        return false
    }

    /// Counts the terms on an N-Triples-like line (rough: IRIs, blank nodes, literals).
    private static func termCount(_ line: String) -> Int {
        var count = 0
        var index = line.startIndex
        while index < line.endIndex {
            let char = line[index]
            switch char {
            case "<":
                count += 1
                index = line[index...].firstIndex(of: ">").map { line.index(after: $0) } ?? line.endIndex
            case "\"":
                count += 1
                var cursor = line.index(after: index)
                while cursor < line.endIndex, line[cursor] != "\"" {
                    if line[cursor] == "\\" { cursor = line.index(after: cursor) }
                    if cursor < line.endIndex { cursor = line.index(after: cursor) }
                }
                index = cursor < line.endIndex ? line.index(after: cursor) : cursor
                while index < line.endIndex, !line[index].isWhitespace { index = line.index(after: index) }
            case "_":
                count += 1
                while index < line.endIndex, !line[index].isWhitespace { index = line.index(after: index) }
            default:
                index = line.index(after: index)
            }
        }
        return count
    }
}

/// The formats Grapevine writes, through Raptor's serializers (TriG is assembled from Turtle).
public enum OutputFormat: String, CaseIterable, Sendable {
    case ntriples
    case nquads
    case turtle
    case rdfxml
    case trig

    /// Whether the format keeps graph names; the others merge every graph into one.
    public var carriesGraphs: Bool { self == .nquads || self == .trig }

    public var mediaType: String {
        switch self {
        case .ntriples: "application/n-triples"
        case .nquads: "application/n-quads"
        case .turtle: "text/turtle"
        case .rdfxml: "application/rdf+xml"
        case .trig: "application/trig"
        }
    }

    /// The serializer Raptor runs for the format.
    var raptorName: String {
        switch self {
        case .ntriples: "ntriples"
        case .nquads: "nquads"
        case .turtle, .trig: "turtle"
        case .rdfxml: "rdfxml"
        }
    }
}
