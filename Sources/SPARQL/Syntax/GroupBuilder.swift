/// Translates one group graph pattern, element by element, as §18.2.2.6 says: FILTERs are
/// collected and applied to the whole group at the end, OPTIONAL becomes LeftJoin (taking the
/// optional part's own filters as its condition), MINUS becomes Minus, BIND extends what comes
/// before it, and everything else is joined. Join with the empty pattern is simplified away
/// (§18.2.2.8), and triple patterns that follow each other (FILTERs aside) share one BGP.
struct GroupBuilder {
    /// The group so far, without the triples still gathering in `pending`.
    private var pattern: Algebra = .bgp([])
    /// Triple patterns of the current run, not yet joined to `pattern`.
    private var pending: [TriplePattern] = []
    private(set) var filters: [Expression] = []

    /// The group so far, without its filters.
    var unfiltered: Algebra {
        pending.isEmpty ? pattern : Self.join(pattern, .bgp(pending))
    }

    /// The translation of the whole group.
    var algebra: Algebra {
        guard let condition = Self.conjunction(filters) else { return unfiltered }
        return .filter(condition, unfiltered)
    }

    /// `a && b && …`, or nil for no expressions.
    static func conjunction(_ expressions: [Expression]) -> Expression? {
        guard var result = expressions.first else { return nil }
        for e in expressions.dropFirst() { result = .and(result, e) }
        return result
    }

    /// Join, with the empty BGP as identity.
    static func join(_ a: Algebra, _ b: Algebra) -> Algebra {
        if case .bgp(let triples) = a, triples.isEmpty { return b }
        if case .bgp(let triples) = b, triples.isEmpty { return a }
        return .join(a, b)
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        pattern = Self.join(pattern, .bgp(pending))
        pending = []
    }

    mutating func addTriples(_ items: [PatternItem]) {
        for item in items {
            switch item {
            case .triple(let triple):
                pending.append(triple)
            case .path(let subject, let path, let object):
                flush()
                pattern = Self.join(pattern, .path(subject, path, object))
            }
        }
    }

    mutating func addFilter(_ expression: Expression) {
        filters.append(expression)
    }

    /// OPTIONAL { P }: `optional` is P without its filters, `condition` their conjunction.
    mutating func addOptional(_ optional: Algebra, condition: Expression?) {
        flush()
        pattern = .leftJoin(pattern, optional, condition)
    }

    mutating func addMinus(_ other: Algebra) {
        flush()
        pattern = .minus(pattern, other)
    }

    mutating func addBind(_ variable: Variable, _ expression: Expression) {
        flush()
        pattern = .extend(pattern, variable, expression)
    }

    /// Groups, UNION, GRAPH, SERVICE, VALUES: joined to what comes before.
    mutating func addJoined(_ other: Algebra) {
        flush()
        pattern = Self.join(pattern, other)
    }
}
