import RDF

/// A string literal argument (§17.4.3): a simple literal, an xsd:string, or a language-tagged
/// literal. Results built from it keep its language tag (and otherwise are simple literals).
struct StringArgument {
    var lexical: String
    /// Lower-cased tag, or nil for simple literals and xsd:string.
    var language: String?

    /// Throws unless `term` is a string literal.
    init(_ term: Term) throws {
        guard case .literal(let literal) = term,
              literal.language != nil || literal.datatype == XSDDatatype.string
        else { throw ExpressionError("\(term) is not a string literal") }
        lexical = literal.lexical
        language = literal.language
    }

    /// The lexical form of a simple literal or xsd:string; throws for anything else, language-tagged
    /// literals included.
    static func simple(_ term: Term) throws -> String {
        guard case .literal(let literal) = term, literal.language == nil, literal.datatype == XSDDatatype.string else {
            throw ExpressionError("\(term) is not a simple literal")
        }
        return literal.lexical
    }

    /// A literal with the same language tag (or none) and the given lexical form.
    func with(_ lexical: String) -> Term {
        if let language { return .literal(lexical, language: language) }
        return .literal(lexical)
    }

    /// Argument compatibility (§17.4.3.1.1): both untagged, both with the same tag, or the first
    /// tagged and the second not.
    static func checkCompatible(_ a: StringArgument, _ b: StringArgument) throws {
        guard b.language == nil || a.language == b.language else {
            throw ExpressionError("incompatible string arguments (@\(a.language ?? "") and @\(b.language ?? ""))")
        }
    }
}
