import Foundation
import RDF
import Store

extension Evaluation {
    /// Evaluates an algebra expression to its solutions (a multiset, in no particular order unless
    /// an ORDER BY says so).
    func evaluate(_ algebra: Algebra, scope: GraphScope) throws -> [Solution] {
        let saved = activeScope
        activeScope = scope
        defer { activeScope = saved }
        try tick()
        switch algebra {
        case .bgp(let patterns):
            return try matchBGP(patterns, scope: scope)
        case .path(let subject, let path, let object):
            return try matchPath(subject, path, object, scope: scope)
        case .join(let a, let b):
            let left = try evaluate(a, scope: scope)
            return try join(left, try evaluate(b, scope: scope, sideways: left))
        case .leftJoin(let a, let b, let expression):
            let left = try evaluate(a, scope: scope)
            return try leftJoin(left, try evaluate(b, scope: scope, sideways: left), expression)
        case .filter(let expression, let a):
            let program = try FilterProgram.compile(expression, slot: { slot($0) },
                                                    search: { try snapshot.textLiterals(matching: $0) })
            // A filter straight over a pattern tests rows as they come, keeping only those that
            // pass (EXISTS would match patterns mid-stream, so it takes the general path).
            if let program, case .bgp(let patterns) = a, !expression.mentionsExists {
                var result: [Solution] = []
                try forEachSolution(of: patterns, scope: scope) { solution in
                    guard try program.test(solution, in: self) == true else { return }
                    result.append(solution)
                    try checkSize(result.count)
                }
                return result
            }
            let input = try evaluate(a, scope: scope)
            activeScope = scope
            if let program { return try input.filter { try program.test($0, in: self) == true } }
            return try input.filter { try isTrue(expression, $0) }
        case .union(let a, let b):
            let left = try evaluate(a, scope: scope)
            let right = try evaluate(b, scope: scope)
            try checkSize(left.count + right.count)
            return left + right
        case .graph(let name, let inner):
            return try evaluateGraph(name, inner)
        case .extend:
            // Consecutive BINDs / SELECT expressions run together per solution, so that
            // BNODE("x") names one node across all of them within a solution (§17.4.2.9).
            var chain: [(Int, Expression)] = []
            var inner = algebra
            while case .extend(let next, let variable, let expression) = inner {
                chain.insert((slot(variable), expression), at: 0)
                inner = next
            }
            var result = try evaluate(inner, scope: scope)
            activeScope = scope
            for position in result.indices {
                expressions.startSolution()
                holdingSolutionScope = true
                defer { holdingSolutionScope = false }
                for (index, expression) in chain where result[position][index] == 0 {
                    if let value = try value(expression, result[position]) { result[position][index] = try id(value) }
                }
            }
            return result
        case .minus(let a, let b):
            return try minus(try evaluate(a, scope: scope), try evaluate(b, scope: scope))
        case .values(let variables, let rows):
            let indices = variables.map { slot($0) }
            return try rows.map { row in
                var solution = emptySolution
                for (position, term) in row.enumerated() {
                    if let term { solution[indices[position]] = try id(term) }
                }
                return solution
            }
        case .group(let a, let keys, let aggregates):
            if case .bgp(let patterns) = a, let counted = try countGroups(patterns, keys: keys, aggregates: aggregates, scope: scope) {
                return counted
            }
            return try group(try evaluate(a, scope: scope), keys: keys, aggregates: aggregates)
        case .orderBy(let a, let conditions):
            return try order(try evaluate(a, scope: scope), by: conditions)
        case .project(let a, let variables):
            let keep = Set(variables.map { slot($0) })
            return try evaluate(a, scope: scope).map { solution in
                var projected = emptySolution
                for index in keep { projected[index] = solution[index] }
                return projected
            }
        case .distinct(let a), .reduced(let a):
            var seen = Set<Solution>()
            return try evaluate(a, scope: scope).filter { seen.insert($0).inserted }
        case .slice(let a, let offset, let limit):
            // ORDER BY … LIMIT k keeps only the first offset + k in order, not a full sort.
            if let limit {
                var inner = a
                var projection: [Variable]?
                if case .project(let below, let variables) = inner {
                    inner = below
                    projection = variables
                }
                if case .orderBy(let source, let conditions) = inner {
                    var ordered = try order(try evaluate(source, scope: scope), by: conditions, keeping: offset + limit)
                    if let projection {
                        let keep = Set(projection.map { slot($0) })
                        ordered = ordered.map { solution in
                            var projected = emptySolution
                            for index in keep { projected[index] = solution[index] }
                            return projected
                        }
                    }
                    return Array(ordered.dropFirst(offset))
                }
            }
            let input = try evaluate(a, scope: scope)
            let start = min(offset, input.count)
            let end = limit.map { min(input.count, start + $0) } ?? input.count
            return Array(input[start..<end])
        case .service(_, _, let silent):
            guard silent else { throw QueryError.unsupported("SERVICE (federated query) is not supported") }
            return [emptySolution]
        }
    }

    /// GRAPH: a constant names one graph (empty unless it is among the named graphs); a variable
    /// ranges over the named graphs and is bound to each.
    private func evaluateGraph(_ name: TermPattern, _ inner: Algebra) throws -> [Solution] {
        let candidates = try namedGraphs ?? snapshot.graphIDs()
        switch name {
        case .term(let term):
            guard let graph = try storeID(term), candidates.contains(graph) else { return [] }
            return try evaluate(inner, scope: .named(.constant(graph), among: nil))
        case .variable(let variable):
            let index = slot(variable)
            var result: [Solution] = []
            for graph in candidates {
                for var solution in try evaluate(inner, scope: .named(.constant(graph), among: nil)) {
                    if solution[index] != 0 && solution[index] != graph { continue }
                    solution[index] = graph
                    result.append(solution)
                }
                try checkSize(result.count)
            }
            return result
        }
    }

    /// Evaluates the right-hand side of a join; when it is a basic graph pattern and the left side
    /// is small, the left side's values of their shared variables are passed into the match.
    private func evaluate(_ algebra: Algebra, scope: GraphScope, sideways left: [Solution]) throws -> [Solution] {
        guard case .bgp(let patterns) = algebra, !left.isEmpty, left.count <= 5_000 else {
            return try evaluate(algebra, scope: scope)
        }
        let shared = alwaysBound(left).filter { index in patterns.contains { $0.variables.contains(variables[index]) } }
        var restrictions: [Variable: [Int64]] = [:]
        for index in shared {
            let values = Set(left.map { $0[index] }).filter { $0 > 0 }
            // Values only the query computed match nothing in the store: drop them.
            restrictions[variables[index]] = values.sorted()
        }
        let saved = activeScope
        activeScope = scope
        defer { activeScope = saved }
        return try matchBGP(patterns, scope: scope, restrictions: restrictions)
    }

    // MARK: Basic graph patterns

    func matchBGP(_ patterns: [TriplePattern], scope: GraphScope, restrictions: [Variable: [Int64]] = [:],
                  texts: [Variable: [TextKeywords]] = [:]) throws -> [Solution] {
        var result: [Solution] = []
        try forEachSolution(of: patterns, scope: scope, restrictions: restrictions, texts: texts) { solution in
            result.append(solution)
            try checkSize(result.count)
        }
        return result
    }

    /// Streams the solutions of a basic graph pattern to `body` as SQLite produces them, in one
    /// buffer reused from row to row (so a row `body` drops costs no allocation; it copies what it
    /// keeps). `body` must not match patterns itself: the statement may be one it would reuse.
    func forEachSolution(of patterns: [TriplePattern], scope: GraphScope, restrictions: [Variable: [Int64]] = [:],
                         texts: [Variable: [TextKeywords]] = [:], _ body: (Solution) throws -> Void) throws {
        func each(_ solutions: [Solution]) throws {
            for solution in solutions {
                try tick()
                try body(solution)
            }
        }
        if patterns.contains(where: Self.isTextMatch) {
            return try each(matchWithTextSearch(patterns, scope: scope, restrictions: restrictions))
        }
        if case .merge = scope, hasMissingDefault, defaultGraphs?.isEmpty == true, !patterns.isEmpty { return }
        let effectiveScope: GraphScope
        if case .merge = scope { effectiveScope = .merge(defaultGraphs) } else { effectiveScope = scope }
        // SQLite joins at most 64 tables: larger patterns are matched in parts and joined here.
        if patterns.count > 48 && texts.isEmpty {
            var result: [Solution]? = nil
            for start in stride(from: 0, to: patterns.count, by: 48) {
                let part = try matchBGP(Array(patterns[start..<min(patterns.count, start + 48)]), scope: scope)
                result = try result.map { try join($0, part) } ?? part
            }
            return try each(result ?? [emptySolution])
        }
        var local: [Variable: Int] = [:]
        var order: [Variable] = []
        func slotFor(_ pattern: TermPattern) throws -> PatternSlot? {
            switch pattern {
            case .term(let term):
                guard let id = try storeID(term) else { return nil }
                return .constant(id)
            case .variable(let variable):
                if let index = local[variable] { return .variable(index) }
                local[variable] = order.count
                order.append(variable)
                return .variable(order.count - 1)
            }
        }
        var idPatterns: [IDPattern] = []
        for pattern in patterns {
            guard let s = try slotFor(pattern.subject), let p = try slotFor(pattern.predicate), let o = try slotFor(pattern.object) else {
                return
            }
            idPatterns.append(IDPattern(s, p, o))
        }
        let indices = order.map { slot($0) }
        var localRestrictions: [Int: [Int64]] = [:]
        for (variable, values) in restrictions {
            if let index = local[variable] { localRestrictions[index] = values }
        }
        var localTexts: [Int: [TextKeywords]] = [:]
        for (variable, keywords) in texts {
            if let index = local[variable] { localTexts[index] = keywords }
        }
        var solution = emptySolution
        var failure: (any Error)?
        let plan = try snapshot.match(idPatterns, scope: effectiveScope, variableCount: order.count,
                                      restrictions: localRestrictions, texts: localTexts) { row in
            for (position, index) in indices.enumerated() { solution[index] = row[position] }
            do {
                try tick()
                try body(solution)
            } catch {
                failure = error
                return false
            }
            return true
        }
        if let failure { throw failure }
        if explaining { explanation.append("BGP \(patterns.map(\.description).joined(separator: " . "))\n\(plan)") }
    }

    // MARK: Joins

    /// Slots bound in every solution of a multiset.
    func alwaysBound(_ solutions: [Solution]) -> Set<Int> {
        guard let first = solutions.first else { return [] }
        var bound = Set(first.indices.filter { first[$0] != 0 })
        for solution in solutions.dropFirst() where !bound.isEmpty {
            bound = bound.filter { solution[$0] != 0 }
        }
        return bound
    }

    /// Groups `right` by the values of `keys` for hash joins.
    private func index(_ solutions: [Solution], on keys: [Int]) -> [[Int64]: [Int]] {
        var table: [[Int64]: [Int]] = [:]
        for (position, solution) in solutions.enumerated() {
            table[keys.map { solution[$0] }, default: []].append(position)
        }
        return table
    }

    func join(_ left: [Solution], _ right: [Solution]) throws -> [Solution] {
        if left.isEmpty || right.isEmpty { return [] }
        let keys = Array(alwaysBound(left).intersection(alwaysBound(right))).sorted()
        let table = index(right, on: keys)
        var result: [Solution] = []
        for solution in left {
            guard let matches = table[keys.map { solution[$0] }] else { continue }
            for position in matches where Self.compatible(solution, right[position]) {
                result.append(Self.merge(solution, right[position]))
            }
            try tick(matches.count)
            try checkSize(result.count)
        }
        return result
    }

    func leftJoin(_ left: [Solution], _ right: [Solution], _ expression: Expression?) throws -> [Solution] {
        let keys = Array(alwaysBound(left).intersection(alwaysBound(right))).sorted()
        let table = index(right, on: keys)
        var result: [Solution] = []
        for solution in left {
            var matched = false
            for position in table[keys.map { solution[$0] }] ?? [] where Self.compatible(solution, right[position]) {
                let merged = Self.merge(solution, right[position])
                if let expression, try !isTrue(expression, merged) { continue }
                result.append(merged)
                matched = true
            }
            if !matched { result.append(solution) }
            try tick()
            try checkSize(result.count)
        }
        return result
    }

    func minus(_ left: [Solution], _ right: [Solution]) throws -> [Solution] {
        try left.filter { solution in
            try tick()
            return !right.contains { other in
                var shared = false
                for index in 0..<solution.count where solution[index] != 0 && other[index] != 0 {
                    if solution[index] != other[index] { return false }
                    shared = true
                }
                return shared
            }
        }
    }
}
