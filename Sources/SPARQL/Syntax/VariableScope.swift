import RDF

/// Which variables an algebra expression makes visible (in-scope, §18.2.1), and which variables an
/// expression mentions.
enum VariableScope {
    /// The in-scope variables of `algebra`, in order of first appearance, hidden ones included.
    /// Iterative, so a long chain of joins or unions does not use the stack.
    static func inScope(_ algebra: Algebra) -> [Variable] {
        enum Work {
            case algebra(Algebra)
            case variables([Variable])
        }
        var c = OrderedVariables()
        var stack: [Work] = [.algebra(algebra)]
        while let work = stack.popLast() {
            guard case .algebra(let a) = work else {
                if case .variables(let variables) = work { c.add(variables) }
                continue
            }
            // Push in reverse, so that left comes before right.
            switch a {
            case .bgp(let triples):
                for triple in triples { c.add(triple.variables) }
            case .path(let subject, _, let object):
                c.add([subject.variable, object.variable].compactMap { $0 })
            case .join(let l, let r), .union(let l, let r), .leftJoin(let l, let r, _):
                stack.append(.algebra(r))
                stack.append(.algebra(l))
            case .filter(_, let inner), .minus(let inner, _), .orderBy(let inner, _), .distinct(let inner),
                 .reduced(let inner), .slice(let inner, _, _):
                stack.append(.algebra(inner))
            case .graph(let name, let inner), .service(let name, let inner, _):
                stack.append(.algebra(inner))
                if let v = name.variable { c.add([v]) }
            case .extend(let inner, let v, _):
                stack.append(.variables([v]))
                stack.append(.algebra(inner))
            case .values(let variables, _):
                c.add(variables)
            case .group(_, let keys, let aggregates):
                c.add(keys.compactMap(\.variable))
                c.add(aggregates.map(\.variable))
            case .project(_, let variables):
                c.add(variables)
            }
        }
        return c.list
    }

    /// The in-scope variables a query may show: `SELECT *`, `DESCRIBE *`.
    static func visible(_ algebra: Algebra) -> [Variable] {
        inScope(algebra).filter { !$0.isGeneratedByParser }
    }

    /// The variables `expression` mentions outside EXISTS patterns, in order of appearance.
    static func mentioned(_ expression: Expression) -> [Variable] {
        var c = OrderedVariables()
        var stack = [expression]
        while let e = stack.popLast() {
            switch e {
            case .variable(let v), .bound(let v): c.add([v])
            case .term, .exists, .notExists: break
            case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b),
                 .less(let a, let b), .greater(let a, let b), .lessOrEqual(let a, let b),
                 .greaterOrEqual(let a, let b), .add(let a, let b), .subtract(let a, let b),
                 .multiply(let a, let b), .divide(let a, let b):
                stack.append(b); stack.append(a)
            case .not(let a), .unaryPlus(let a), .unaryMinus(let a):
                stack.append(a)
            case .in(let a, let list), .notIn(let a, let list):
                stack.append(contentsOf: list.reversed()); stack.append(a)
            case .if(let a, let b, let d):
                stack.append(d); stack.append(b); stack.append(a)
            case .coalesce(let list), .call(_, let list):
                stack.append(contentsOf: list.reversed())
            }
        }
        return c.list
    }

    private struct OrderedVariables {
        var list: [Variable] = []
        var seen: Set<Variable> = []
        mutating func add(_ variables: [Variable]) {
            for v in variables where seen.insert(v).inserted { list.append(v) }
        }
    }
}

extension Variable {
    /// Whether the translator made this variable (blank nodes, path steps, aggregates): its name
    /// starts with `.`, which no variable written in a query can.
    var isGeneratedByParser: Bool { name.hasPrefix(".") }
}
