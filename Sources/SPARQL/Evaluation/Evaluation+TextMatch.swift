import RDF
import Store

/// `?text gv:matches "keywords"`: keyword search as a property function (like Jena's
/// `text:query`). The store's full-text index finds the text literals containing every keyword,
/// and those are the only values the subject may take: the index is joined first, in the same
/// SQL as the rest of the basic graph pattern, which then runs through the ordinary indexes
/// (`?r dcterms:title ?t` becomes one posg lookup per matching literal). The match is on terms,
/// not quads: which graphs count comes from the patterns it is joined with.
extension Evaluation {
    static let matchesIRI = GV.namespace + "matches"

    /// Whether a pattern is a `gv:matches` search.
    static func isTextMatch(_ pattern: TriplePattern) -> Bool {
        if case .term(.iri(let iri)) = pattern.predicate { return iri == matchesIRI }
        return false
    }

    /// Matches a basic graph pattern that holds `gv:matches` searches.
    func matchWithTextSearch(_ patterns: [TriplePattern], scope: GraphScope,
                             restrictions: [Variable: [Int64]]) throws -> [Solution] {
        let searches = patterns.filter(Self.isTextMatch)
        let rest = patterns.filter { !Self.isTextMatch($0) }
        let restVariables = Set(rest.flatMap(\.variables))
        var joined: [Variable: [TextKeywords]] = [:]
        // Searches whose subject no other pattern mentions are answered here, from the index alone.
        var alone: [Variable: [Int64]] = [:]
        for search in searches {
            let keywords = try Self.keywords(of: search)
            switch search.subject {
            case .term(let term):
                // A constant: the pattern holds when the store has that literal and it matches.
                guard let id = try storeID(term), try snapshot.textLiterals(matching: keywords).contains(id) else { return [] }
            case .variable(let variable) where restVariables.contains(variable) && rest.count <= 40:
                joined[variable, default: []].append(keywords)
            case .variable(let variable):
                // (Also a search joined with a pattern too large for one SQL statement: its
                // matches are then joined here, like any other solutions.)
                let found = try snapshot.textLiterals(matching: keywords)
                if let earlier = alone[variable] {
                    let kept = Set(found)
                    alone[variable] = earlier.filter(kept.contains)
                } else {
                    alone[variable] = found
                }
            }
            if explaining { explanation.append("TEXT \(search)") }
        }
        var solutions: [Solution]
        if rest.isEmpty {
            solutions = [emptySolution]
        } else {
            solutions = try matchBGP(rest, scope: scope, restrictions: restrictions, texts: joined)
        }
        for (variable, var candidates) in alone {
            if let values = restrictions[variable] {
                let kept = Set(values)
                candidates = candidates.filter(kept.contains)
            }
            let index = slot(variable)
            if restVariables.contains(variable) {
                let kept = Set(candidates)
                solutions = solutions.filter { kept.contains($0[index]) }
                continue
            }
            var expanded: [Solution] = []
            for solution in solutions {
                for candidate in candidates {
                    var extended = solution
                    extended[index] = candidate
                    expanded.append(extended)
                }
                try checkSize(expanded.count)
                try tick(candidates.count)
            }
            solutions = expanded
        }
        return solutions
    }

    /// The keywords a search's object spells; anything but a string literal with a word in it is
    /// a query error, not an empty result, so a mistyped search says so.
    private static func keywords(of search: TriplePattern) throws -> TextKeywords {
        guard case .term(.literal(let literal)) = search.object,
              literal.language != nil || literal.datatype == XSD.string else {
            throw QueryError.unsupported("gv:matches needs a string literal of keywords as its object, not \(search.object)")
        }
        guard let keywords = TextKeywords(literal.lexical) else {
            throw QueryError.unsupported("gv:matches needs at least one word to search for, not \"\(literal.lexical)\"")
        }
        if case .term(let subject) = search.subject, !subject.isLiteral {
            throw QueryError.unsupported("gv:matches searches text literals: its subject must be a variable or a literal, not \(subject)")
        }
        return keywords
    }
}
