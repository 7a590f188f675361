import RDF
import RDFSyntax

/// Functions on RDF terms (§17.4.2): STR, LANG, DATATYPE, IRI, STRLANG, STRDT, LANGMATCHES,
/// isIRI, isBLANK, isLITERAL, isNUMERIC.
enum TermFunctions {
    /// STR: the lexical form of a literal or the string of an IRI; error for blank nodes.
    static func str(_ term: Term) throws -> Term {
        switch term {
        case .iri(let iri): return .literal(iri)
        case .literal(let literal): return .literal(literal.lexical)
        case .blank: throw ExpressionError("STR of a blank node")
        }
    }

    /// LANG: the language tag of a literal, "" when it has none.
    static func lang(_ term: Term) throws -> Term {
        guard case .literal(let literal) = term else { throw ExpressionError("LANG of a non-literal") }
        return .literal(literal.language ?? "")
    }

    /// DATATYPE: xsd:string for simple literals, rdf:langString for tagged ones (RDF 1.1).
    static func datatype(_ term: Term) throws -> Term {
        guard case .literal(let literal) = term else { throw ExpressionError("DATATYPE of a non-literal") }
        return .iri(literal.language != nil ? RDFVocabulary.langString : literal.datatype)
    }

    /// IRI/URI: an IRI as is; a simple literal or xsd:string resolved against the base
    /// (RFC 3986 §5.2, by the resolver the RDF parsers use), or taken as is without one.
    static func iri(_ term: Term, base: IRIResolver?) throws -> Term {
        switch term {
        case .iri:
            return term
        case .literal:
            let reference = try StringArgument.simple(term)
            return .iri(base?.resolve(reference) ?? reference)
        case .blank:
            throw ExpressionError("IRI of a blank node")
        }
    }

    static func strlang(_ lexical: Term, _ tag: Term) throws -> Term {
        let text = try StringArgument.simple(lexical)
        let language = try StringArgument.simple(tag)
        guard isLanguageTag(language) else { throw ExpressionError("\"\(language)\" is not a language tag") }
        return .literal(text, language: language)
    }

    static func strdt(_ lexical: Term, _ datatype: Term) throws -> Term {
        let text = try StringArgument.simple(lexical)
        guard case .iri(let iri) = datatype else { throw ExpressionError("STRDT needs an IRI datatype") }
        guard iri != RDFVocabulary.langString else { throw ExpressionError("STRDT cannot make rdf:langString literals") }
        return .literal(text, datatype: iri)
    }

    /// LANGMATCHES: RFC 4647 basic filtering; `*` matches every non-empty tag.
    static func langMatches(_ tag: Term, _ range: Term) throws -> Bool {
        let tag = try StringArgument.simple(tag).lowercased()
        let range = try StringArgument.simple(range).lowercased()
        if range == "*" { return !tag.isEmpty }
        return tag == range || (!range.isEmpty && tag.hasPrefix(range + "-"))
    }

    static func isNumeric(_ term: Term) -> Bool {
        guard case .literal(let literal) = term else { return false }
        return NumericValue(literal) != nil
    }

    /// BCP 47's outline: alphanumeric subtags of 1–8 characters, the first alphabetic.
    static func isLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return subtags.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
