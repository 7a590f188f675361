import RDF

/// Replaces variables by the terms a solution binds them to (SPARQL 1.1 §18.6, `substitute`),
/// for EXISTS: the pattern inside sees the current solution's values, in its filters too.
extension Algebra {
    func substituting(_ values: [Variable: Term]) -> Algebra {
        func pattern(_ p: TermPattern) -> TermPattern {
            if case .variable(let v) = p, let term = values[v] { return .term(term) }
            return p
        }
        func triple(_ t: TriplePattern) -> TriplePattern {
            TriplePattern(pattern(t.subject), pattern(t.predicate), pattern(t.object))
        }
        func expression(_ e: Expression) -> Expression { e.substituting(values) }
        switch self {
        case .bgp(let patterns): return .bgp(patterns.map(triple))
        case .path(let s, let path, let o): return .path(pattern(s), path, pattern(o))
        case .join(let a, let b): return .join(a.substituting(values), b.substituting(values))
        case .leftJoin(let a, let b, let e): return .leftJoin(a.substituting(values), b.substituting(values), e.map(expression))
        case .filter(let e, let a): return .filter(expression(e), a.substituting(values))
        case .union(let a, let b): return .union(a.substituting(values), b.substituting(values))
        case .graph(let g, let a): return .graph(pattern(g), a.substituting(values))
        case .extend(let a, let v, let e): return .extend(a.substituting(values), v, expression(e))
        case .minus(let a, let b): return .minus(a.substituting(values), b.substituting(values))
        case .values: return self
        case .group(let a, let keys, let aggregates):
            return .group(a.substituting(values), keys: keys, aggregates: aggregates)
        case .orderBy(let a, let conditions): return .orderBy(a.substituting(values), conditions)
        // A sub-select only sees the variables it projects.
        case .project(let a, let variables):
            let visible = values.filter { variables.contains($0.key) }
            return .project(a.substituting(visible), variables)
        case .distinct(let a): return .distinct(a.substituting(values))
        case .reduced(let a): return .reduced(a.substituting(values))
        case .slice(let a, let offset, let limit): return .slice(a.substituting(values), offset: offset, limit: limit)
        case .service(let endpoint, let a, let silent): return .service(pattern(endpoint), a.substituting(values), silent: silent)
        }
    }

    /// Whether an expression inside the pattern mentions one of `variables` (then EXISTS must
    /// substitute; a pure pattern can be matched once and joined instead).
    func hasExpression(mentioning variables: Set<Variable>) -> Bool {
        switch self {
        case .bgp, .path, .values: return false
        case .join(let a, let b), .union(let a, let b), .minus(let a, let b):
            return a.hasExpression(mentioning: variables) || b.hasExpression(mentioning: variables)
        case .leftJoin(let a, let b, let e):
            return (e?.mentions(variables) ?? false) || a.hasExpression(mentioning: variables) || b.hasExpression(mentioning: variables)
        case .filter(let e, let a), .extend(let a, _, let e):
            return e.mentions(variables) || a.hasExpression(mentioning: variables)
        case .graph(_, let a), .distinct(let a), .reduced(let a), .slice(let a, _, _), .service(_, let a, _):
            return a.hasExpression(mentioning: variables)
        case .group, .orderBy, .project:
            // Sub-queries and their modifiers: always substitute, the safe reading.
            return true
        }
    }
}

extension Expression {
    func substituting(_ values: [Variable: Term]) -> Expression {
        func sub(_ e: Expression) -> Expression { e.substituting(values) }
        switch self {
        case .variable(let v): return values[v].map { .term($0) } ?? self
        case .bound(let v): return values[v] != nil ? .term(.literal("true", datatype: XSD.boolean)) : self
        case .term: return self
        case .or(let a, let b): return .or(sub(a), sub(b))
        case .and(let a, let b): return .and(sub(a), sub(b))
        case .not(let a): return .not(sub(a))
        case .equal(let a, let b): return .equal(sub(a), sub(b))
        case .notEqual(let a, let b): return .notEqual(sub(a), sub(b))
        case .less(let a, let b): return .less(sub(a), sub(b))
        case .greater(let a, let b): return .greater(sub(a), sub(b))
        case .lessOrEqual(let a, let b): return .lessOrEqual(sub(a), sub(b))
        case .greaterOrEqual(let a, let b): return .greaterOrEqual(sub(a), sub(b))
        case .add(let a, let b): return .add(sub(a), sub(b))
        case .subtract(let a, let b): return .subtract(sub(a), sub(b))
        case .multiply(let a, let b): return .multiply(sub(a), sub(b))
        case .divide(let a, let b): return .divide(sub(a), sub(b))
        case .unaryPlus(let a): return .unaryPlus(sub(a))
        case .unaryMinus(let a): return .unaryMinus(sub(a))
        case .in(let a, let list): return .in(sub(a), list.map(sub))
        case .notIn(let a, let list): return .notIn(sub(a), list.map(sub))
        case .if(let a, let b, let c): return .if(sub(a), sub(b), sub(c))
        case .coalesce(let list): return .coalesce(list.map(sub))
        case .call(let name, let list): return .call(name, list.map(sub))
        case .exists(let a): return .exists(a.substituting(values))
        case .notExists(let a): return .notExists(a.substituting(values))
        }
    }

    func mentions(_ variables: Set<Variable>) -> Bool {
        switch self {
        case .variable(let v), .bound(let v): return variables.contains(v)
        case .term: return false
        case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b),
             .less(let a, let b), .greater(let a, let b), .lessOrEqual(let a, let b), .greaterOrEqual(let a, let b),
             .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            return a.mentions(variables) || b.mentions(variables)
        case .not(let a), .unaryPlus(let a), .unaryMinus(let a): return a.mentions(variables)
        case .in(let a, let list), .notIn(let a, let list): return a.mentions(variables) || list.contains { $0.mentions(variables) }
        case .if(let a, let b, let c): return [a, b, c].contains { $0.mentions(variables) }
        case .coalesce(let list), .call(_, let list): return list.contains { $0.mentions(variables) }
        case .exists, .notExists: return true
        }
    }
}
