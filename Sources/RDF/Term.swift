/// An RDF term: the nodes and labels that triples are made of.
///
/// Terms are plain values. Stores intern them into integer ids and parsers produce them, but
/// neither owns them: everything above the syntax layer speaks `Term`.
public enum Term: Hashable, Sendable {
    /// An absolute IRI, kept as its Unicode string form (no normalization).
    case iri(String)
    /// A blank node label, without the `_:` prefix. Labels are only meaningful inside one document;
    /// the store scopes them before they meet labels from other documents.
    case blank(String)
    case literal(Literal)

    public static func literal(_ lexical: String, datatype: String = XSD.string) -> Term {
        .literal(Literal(lexical, datatype: datatype))
    }

    public static func literal(_ lexical: String, language: String) -> Term {
        .literal(Literal(lexical, language: language))
    }

    public var isIRI: Bool { if case .iri = self { true } else { false } }
    public var isBlank: Bool { if case .blank = self { true } else { false } }
    public var isLiteral: Bool { if case .literal = self { true } else { false } }

    public var iriValue: String? { if case .iri(let value) = self { value } else { nil } }
    public var literalValue: Literal? { if case .literal(let value) = self { value } else { nil } }
}

/// A literal: a lexical form with either a datatype or a language tag (RDF 1.1 §3.3).
///
/// RDF 1.1 gives every literal a datatype: simple literals are `xsd:string`, language-tagged ones
/// are `rdf:langString`. Keeping the datatype explicit avoids a third "plain" case downstream.
public struct Literal: Hashable, Sendable {
    public var lexical: String
    public var datatype: String
    /// Lower-cased BCP 47 tag, or nil. Lower-casing makes `@en-GB` and `@en-gb` the same term,
    /// as RDF 1.1 says language tags compare case-insensitively.
    public var language: String?

    public init(_ lexical: String, datatype: String = XSD.string) {
        self.lexical = lexical
        self.datatype = datatype
        self.language = nil
    }

    public init(_ lexical: String, language: String) {
        self.lexical = lexical
        self.datatype = RDFVocabulary.langString
        self.language = language.lowercased()
    }
}

extension Term: CustomStringConvertible {
    /// The N-Triples form, which is also how terms appear in messages.
    public var description: String { NTriples.format(self) }
}

extension Term: Comparable {
    /// A total order (IRIs, then blank nodes, then literals) so outputs can be sorted stably.
    public static func < (lhs: Term, rhs: Term) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)), (.blank(let a), .blank(let b)): return a < b
        case (.literal(let a), .literal(let b)):
            return (a.lexical, a.datatype, a.language ?? "") < (b.lexical, b.datatype, b.language ?? "")
        default: return lhs.rank < rhs.rank
        }
    }

    private var rank: Int {
        switch self {
        case .iri: 0
        case .blank: 1
        case .literal: 2
        }
    }
}
