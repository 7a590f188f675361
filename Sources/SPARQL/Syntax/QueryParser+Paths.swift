import RDF

/// Property paths (§9, §19.8 rules 88–96): `|` binds loosest, then `/`, then `^`, then the
/// postfix `?`, `*` and `+`.
extension QueryParser {
    /// Path: PathAlternative.
    func parsePath() throws -> PropertyPath {
        var path = try parsePathSequence()
        while acceptSymbol("|") {
            path = .alternative(path, try parsePathSequence())
        }
        return path
    }

    /// PathSequence: PathEltOrInverse ('/' PathEltOrInverse)*.
    private func parsePathSequence() throws -> PropertyPath {
        var path = try parsePathEltOrInverse()
        while acceptSymbol("/") {
            path = .sequence(path, try parsePathEltOrInverse())
        }
        return path
    }

    /// PathEltOrInverse: PathElt | '^' PathElt.
    private func parsePathEltOrInverse() throws -> PropertyPath {
        if acceptSymbol("^") { return .inverse(try parsePathElt()) }
        return try parsePathElt()
    }

    /// PathElt: PathPrimary PathMod?.
    private func parsePathElt() throws -> PropertyPath {
        let primary = try parsePathPrimary()
        if acceptSymbol("*") { return .zeroOrMore(primary) }
        if acceptSymbol("+") { return .oneOrMore(primary) }
        if acceptSymbol("?") { return .zeroOrOne(primary) }
        return primary
    }

    /// PathPrimary: iri | 'a' | '!' PathNegatedPropertySet | '(' Path ')'.
    private func parsePathPrimary() throws -> PropertyPath {
        if case .word("a") = current.kind {
            advance()
            return .link(RDFVocabulary.type)
        }
        if let iri = try acceptIRI() { return .link(iri) }
        if acceptSymbol("!") { return try parseNegatedPropertySet() }
        if current.isSymbol("(") {
            return try nested {
                advance()
                let path = try parsePath()
                try expectSymbol(")")
                return path
            }
        }
        throw unexpected("a property path")
    }

    /// PathNegatedPropertySet: one PathOneInPropertySet, or '(' them separated by '|' ')'.
    private func parseNegatedPropertySet() throws -> PropertyPath {
        var forward: [String] = []
        var inverse: [String] = []
        func one() throws {
            let isInverse = acceptSymbol("^")
            let iri: String
            if case .word("a") = current.kind {
                advance()
                iri = RDFVocabulary.type
            } else {
                guard let value = try acceptIRI() else { throw unexpected("an IRI or 'a' in a negated property set") }
                iri = value
            }
            if isInverse { inverse.append(iri) } else { forward.append(iri) }
        }
        if acceptNil() { return .negated(forward: [], inverse: []) }
        if acceptSymbol("(") {
            try one()
            while acceptSymbol("|") { try one() }
            try expectSymbol(")")
        } else {
            try one()
        }
        return .negated(forward: forward, inverse: inverse)
    }
}
