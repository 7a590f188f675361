/// One level of a query (the query itself, or a sub-SELECT) as read, and its translation with the
/// solution modifiers (§18.2.4 and §18.2.5): Group, Having, trailing VALUES, SELECT expressions,
/// OrderBy, Project, Distinct or Reduced, Slice.
struct QueryLevel {
    /// One item of the SELECT clause: `?v`, or `(expression AS ?v)`.
    struct Projection {
        var variable: Variable
        var expression: Expression?
        /// Where it was written, for errors.
        var token: Token
    }

    var distinct = false
    var reduced = false
    /// The `*` of `SELECT *` or `DESCRIBE *`.
    var star: Token?
    var projections: [Projection] = []
    var pattern: Algebra = .bgp([])
    /// GROUP BY keys; nil without GROUP BY.
    var groupKeys: [GroupKey]?
    var having: [Expression] = []
    var order: [OrderCondition] = []
    var limit: Int?
    var offset: Int?
    /// The trailing VALUES clause.
    var values: Algebra?
    let aggregates = AggregateCollector()

    /// The algebra of this level and, for SELECT, the projected variables.
    /// - Parameter project: whether this is a SELECT (ASK, CONSTRUCT and DESCRIBE do not project).
    func translate(project: Bool) throws -> (algebra: Algebra, variables: [Variable]) {
        var p = pattern
        // The variables the WHERE clause (and trailing VALUES) bring into scope: what a
        // `(expr AS ?v)` may not rebind.
        var patternScope = Set(VariableScope.inScope(pattern))
        if let values { patternScope.formUnion(VariableScope.inScope(values)) }

        // §18.2.4.1: grouping when there is GROUP BY or an aggregate anywhere in this level.
        let grouping = groupKeys != nil || !aggregates.isEmpty
        var grouped: Set<Variable> = []
        if grouping {
            if let star {
                throw SPARQLSyntaxError(message: "SELECT * is not allowed with GROUP BY or aggregates",
                                        line: star.line, column: star.column)
            }
            let keys = groupKeys ?? []
            grouped = Set(keys.compactMap(\.variable))
            p = .group(p, keys: keys, aggregates: aggregates.bindings)
        }
        // §18.2.4.2 HAVING.
        if let condition = GroupBuilder.conjunction(having) { p = .filter(condition, p) }
        // §18.2.4.3 trailing VALUES.
        if let values { p = GroupBuilder.join(p, values) }

        // §18.2.4.4 SELECT expressions, in order; and the checks of §18.2.1 and §11.4.
        var projected: [Variable] = []
        var projectedSet: Set<Variable> = []
        for item in projections {
            func fail(_ message: String) -> SPARQLSyntaxError {
                SPARQLSyntaxError(message: message, line: item.token.line, column: item.token.column)
            }
            if let expression = item.expression {
                if patternScope.contains(item.variable) {
                    throw fail("\(item.variable) is already in scope; (… AS \(item.variable)) must bind a new variable")
                }
                if projectedSet.contains(item.variable) {
                    throw fail("\(item.variable) is projected twice")
                }
                if grouping {
                    for v in VariableScope.mentioned(expression) where !v.isGeneratedByParser {
                        guard grouped.contains(v) || projectedSet.contains(v) else {
                            throw fail("\(v) is used outside an aggregate but is not a GROUP BY variable")
                        }
                    }
                }
                p = .extend(p, item.variable, expression)
            } else if grouping && !grouped.contains(item.variable) && !projectedSet.contains(item.variable) {
                throw fail("\(item.variable) is projected but is neither a GROUP BY variable nor an aggregate")
            }
            if projectedSet.insert(item.variable).inserted { projected.append(item.variable) }
        }
        if project && star != nil {
            projected = VariableScope.visible(p)
        }

        // §18.2.5 solution modifiers.
        if !order.isEmpty { p = .orderBy(p, order) }
        if project { p = .project(p, projected) }
        if distinct { p = .distinct(p) } else if reduced { p = .reduced(p) }
        if limit != nil || offset != nil { p = .slice(p, offset: offset ?? 0, limit: limit) }
        return (p, projected)
    }
}
