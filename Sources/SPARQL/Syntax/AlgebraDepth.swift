/// How deep a translated query is: the longest path from its root through algebra, expressions
/// and property paths. A chain written flat (`a || b || c …`, `{…} UNION {…} UNION …`) still makes
/// a deep tree, and whatever walks the tree recursively later must not run out of stack; the
/// parser refuses trees deeper than a limit. Measured without recursion.
enum AlgebraDepth {
    private enum Node {
        case algebra(Algebra)
        case expression(Expression)
        case path(PropertyPath)
    }

    /// Whether `algebra` is more than `limit` levels deep.
    static func exceeds(_ algebra: Algebra, limit: Int) -> Bool {
        exceeds(.algebra(algebra), limit: limit)
    }

    /// Whether `expression` is more than `limit` levels deep.
    static func exceeds(_ expression: Expression, limit: Int) -> Bool {
        exceeds(.expression(expression), limit: limit)
    }

    private static func exceeds(_ root: Node, limit: Int) -> Bool {
        var stack: [(node: Node, depth: Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            if depth > limit { return true }
            var children: [Node] = []
            switch node {
            case .algebra(let a):
                switch a {
                case .bgp, .values: break
                case .path(_, let p, _): children = [.path(p)]
                case .join(let l, let r), .union(let l, let r), .minus(let l, let r): children = [.algebra(l), .algebra(r)]
                case .leftJoin(let l, let r, let e): children = [.algebra(l), .algebra(r)] + (e.map { [.expression($0)] } ?? [])
                case .filter(let e, let inner), .extend(let inner, _, let e): children = [.algebra(inner), .expression(e)]
                case .graph(_, let inner), .service(_, let inner, _), .project(let inner, _), .distinct(let inner),
                     .reduced(let inner), .slice(let inner, _, _):
                    children = [.algebra(inner)]
                case .group(let inner, let keys, let aggregates):
                    children = [.algebra(inner)] + keys.map { .expression($0.expression) }
                        + aggregates.compactMap { $0.aggregate.expression.map { .expression($0) } }
                case .orderBy(let inner, let conditions):
                    children = [.algebra(inner)] + conditions.map { .expression($0.expression) }
                }
            case .expression(let e):
                switch e {
                case .variable, .term, .bound: break
                case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b),
                     .less(let a, let b), .greater(let a, let b), .lessOrEqual(let a, let b),
                     .greaterOrEqual(let a, let b), .add(let a, let b), .subtract(let a, let b),
                     .multiply(let a, let b), .divide(let a, let b):
                    children = [.expression(a), .expression(b)]
                case .not(let a), .unaryPlus(let a), .unaryMinus(let a): children = [.expression(a)]
                case .in(let a, let list), .notIn(let a, let list): children = [.expression(a)] + list.map { .expression($0) }
                case .if(let a, let b, let c): children = [.expression(a), .expression(b), .expression(c)]
                case .coalesce(let list), .call(_, let list): children = list.map { .expression($0) }
                case .exists(let a), .notExists(let a): children = [.algebra(a)]
                }
            case .path(let p):
                switch p {
                case .link, .negated: break
                case .inverse(let q), .zeroOrMore(let q), .oneOrMore(let q), .zeroOrOne(let q): children = [.path(q)]
                case .sequence(let a, let b), .alternative(let a, let b): children = [.path(a), .path(b)]
                }
            }
            for child in children { stack.append((child, depth + 1)) }
        }
        return false
    }
}
