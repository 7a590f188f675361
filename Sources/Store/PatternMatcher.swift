import GRDB

/// One position of an id-encoded triple pattern.
public enum PatternSlot: Hashable, Sendable {
    case constant(Int64)
    /// A variable, by its index in the pattern's row of values.
    case variable(Int)

    var constant: Int64? { if case .constant(let id) = self { id } else { nil } }
    var variable: Int? { if case .variable(let index) = self { index } else { nil } }
}

public struct IDPattern: Hashable, Sendable {
    public var subject: PatternSlot
    public var predicate: PatternSlot
    public var object: PatternSlot

    public init(_ subject: PatternSlot, _ predicate: PatternSlot, _ object: PatternSlot) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }
}

/// Which graphs a basic graph pattern is matched against.
public enum GraphScope: Hashable, Sendable {
    /// The default graph as the merge of these graphs (nil: every graph in the store).
    case merge([Int64]?)
    /// One named graph at a time, its name bound to `slot` (a constant or a variable), among
    /// `among` (nil: every named graph).
    case named(PatternSlot, among: [Int64]?)
}

/// How a basic graph pattern was run, for `--explain`.
public struct PatternPlan: Sendable, CustomStringConvertible {
    public struct Step: Sendable {
        public var pattern: Int
        public var index: String
        public var estimate: Int
    }
    public var steps: [Step]
    public var sql: String
    public var rows = 0

    public var description: String {
        var lines = steps.enumerated().map { position, step in
            // A lone pattern has no order to choose, so it is never counted (estimate -1).
            "  \(position + 1). pattern \(step.pattern + 1) via \(step.index), "
                + (step.estimate < 0 ? "not estimated (one pattern)" : "estimated \(step.estimate) rows")
        }
        lines.append("  → \(rows) rows")
        return lines.joined(separator: "\n")
    }
}

extension StoreSnapshot {
    /// Matches a basic graph pattern over term ids in one SQL statement of self-joins.
    ///
    /// The join order comes from the store's own counts for each pattern's constants (most
    /// selective first, then patterns sharing a variable with those already joined), and is
    /// fixed with CROSS JOIN, which SQLite never reorders. Each row holds one value per variable
    /// (index `0..<variableCount`), plus the graph when the scope binds it.
    ///
    /// `restrictions` limits variables to given values (the join values of a small left-hand
    /// side, passed sideways so the store never produces rows the join would drop).
    ///
    /// `texts` limits variables to the text literals containing keywords: the full-text index is
    /// joined first and drives the match, one index lookup per candidate literal.
    @discardableResult
    public func match(_ patterns: [IDPattern], scope: GraphScope, variableCount: Int,
                      restrictions: [Int: [Int64]] = [:], texts: [Int: [TextKeywords]] = [:],
                      row: ([Int64]) throws -> Bool) throws -> PatternPlan {
        precondition(patterns.count + texts.values.joined().count <= 60, "split larger patterns before matching (SQLite joins at most 64 tables)")
        let order = try joinOrder(patterns, scope: scope, restricted: Set(restrictions.keys).union(texts.keys), bound: Set(texts.keys))
        var select: [String] = []
        var conditions: [String] = []
        var arguments: [Int64] = []
        var firstColumn: [Int: String] = [:]
        var steps: [PatternPlan.Step] = []
        var searches: [String] = []
        var matchConditions: [String] = []
        var matchArguments: [String] = []
        for (index, keywordLists) in texts.sorted(by: { $0.key < $1.key }) {
            for keywords in keywordLists {
                let alias = "f\(searches.count)"
                searches.append("\(TextSearch.table) \(alias)")
                if let earlier = firstColumn[index] {
                    conditions.append("\(alias).rowid = \(earlier)")
                } else {
                    firstColumn[index] = "\(alias).rowid"
                }
                // MATCH conditions go last, so their text parameters follow every integer one.
                matchConditions.append("\(alias).\(TextSearch.table) MATCH ?")
                matchArguments.append(keywords.matchExpression)
            }
        }
        for (position, entry) in order.enumerated() {
            let alias = "q\(position)"
            let pattern = patterns[entry.pattern]
            for (slot, column) in [(pattern.subject, "s"), (pattern.predicate, "p"), (pattern.object, "o")] {
                switch slot {
                case .constant(let id):
                    conditions.append("\(alias).\(column) = ?")
                    arguments.append(id)
                case .variable(let index):
                    if let earlier = firstColumn[index] {
                        conditions.append("\(alias).\(column) = \(earlier)")
                    } else {
                        firstColumn[index] = "\(alias).\(column)"
                    }
                }
            }
            switch scope {
            case .merge(let graphs):
                if let graphs { conditions.append("\(alias).g IN (\(graphs.map(String.init).joined(separator: ",")))") }
            case .named(let slot, let among):
                if position == 0 {
                    if let id = slot.constant {
                        conditions.append("\(alias).g = ?")
                        arguments.append(id)
                    }
                    if let among { conditions.append("\(alias).g IN (\(among.map(String.init).joined(separator: ",")))") }
                } else {
                    conditions.append("\(alias).g = q0.g")
                }
            }
            steps.append(PatternPlan.Step(pattern: entry.pattern, index: entry.index, estimate: entry.estimate))
        }
        for (index, values) in restrictions.sorted(by: { $0.key < $1.key }) {
            guard let column = firstColumn[index] else { continue }
            conditions.append("\(column) IN (\(values.map(String.init).joined(separator: ",")))")
        }
        conditions += matchConditions
        for index in 0..<variableCount {
            select.append(firstColumn[index] ?? "NULL")
        }
        var columns = variableCount
        if case .named(let slot, _) = scope, slot.variable != nil {
            select.append(patterns.isEmpty ? "g" : "q0.g")
            columns += 1
        }
        // The default graph is a merge: a triple in two of its graphs is still one triple, so
        // the rows are made distinct when more than one graph is merged.
        // A store of one graph (or a merge of one) cannot hold a triple twice.
        var distinct = false
        if case .merge(let graphs) = scope {
            distinct = try graphs.map { $0.count > 1 } ?? (graphCount() > 1)
        }
        let from: String
        if patterns.isEmpty {
            if case .named = scope {
                from = " FROM (SELECT DISTINCT graph AS g FROM description_graphs)"
                if case .named(_, let among?) = scope { conditions.append("g IN (\(among.map(String.init).joined(separator: ",")))") }
                if case .named(.constant(let id), _) = scope {
                    conditions.append("g = ?")
                    arguments.append(id)
                }
            } else {
                from = ""
            }
        } else {
            from = " FROM " + (searches + (0..<order.count).map { "quads q\($0)" }).joined(separator: " CROSS JOIN ")
        }
        if select.isEmpty { select = ["1"] }
        var sql = "SELECT \(distinct ? "DISTINCT " : "")\(select.joined(separator: ", "))\(from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        var plan = PatternPlan(steps: steps, sql: sql)
        var produced = 0
        try rows(sql, arguments, texts: matchArguments, columns: select == ["1"] ? 0 : columns, reuse: restrictions.isEmpty) { values in
            produced += 1
            return try row(values)
        }
        plan.rows = produced
        return plan
    }

    private struct Entry {
        var pattern: Int
        var index: String
        var estimate: Int
    }

    /// Greedy order: repeatedly take the cheapest pattern among those connected to what is already
    /// joined (a variable in common), costing bound positions as constants.
    private func joinOrder(_ patterns: [IDPattern], scope: GraphScope, restricted: Set<Int>, bound initiallyBound: Set<Int>) throws -> [Entry] {
        var graph: Int64?
        if case .named(.constant(let id), _) = scope { graph = id }
        var estimates: [Int] = []
        // One pattern has no order to choose.
        if patterns.count == 1 {
            let pattern = patterns[0]
            let bound: (PatternSlot) -> Bool = { $0.constant != nil || ($0.variable.map(initiallyBound.contains) ?? false) }
            return [Entry(pattern: 0, index: Self.indexName(s: bound(pattern.subject), p: bound(pattern.predicate), o: bound(pattern.object)),
                          estimate: -1)]
        }
        for pattern in patterns {
            var estimate = try count(s: pattern.subject.constant, p: pattern.predicate.constant,
                                     o: pattern.object.constant, g: graph)
            // A variable limited to a few values is nearly a constant: start from it.
            if [pattern.subject, pattern.predicate, pattern.object].contains(where: { $0.variable.map(restricted.contains) ?? false }) {
                estimate = min(estimate, 1 + estimate >> 8)
            }
            estimates.append(estimate)
        }
        var remaining = Set(patterns.indices)
        var bound = initiallyBound
        var order: [Entry] = []
        while !remaining.isEmpty {
            func cost(_ index: Int) -> (Int, Int) {
                let pattern = patterns[index]
                let slots = [pattern.subject, pattern.predicate, pattern.object]
                let joined = slots.contains { $0.variable.map(bound.contains) ?? false }
                let boundCount = slots.filter { $0.constant != nil || ($0.variable.map(bound.contains) ?? false) }.count
                // Unconnected patterns (cross products) go last; among connected ones a pattern
                // with more bound positions is cheaper per incoming row.
                let first = order.isEmpty && initiallyBound.isEmpty
                let connectedRank = first || joined ? 0 : 1
                let estimate = first ? estimates[index] : estimates[index] >> (boundCount * 4)
                return (connectedRank, estimate)
            }
            let next = remaining.min { cost($0) < cost($1) || (cost($0) == cost($1) && $0 < $1) }!
            remaining.remove(next)
            let pattern = patterns[next]
            let boundNow: (PatternSlot) -> Bool = { $0.constant != nil || ($0.variable.map(bound.contains) ?? false) }
            order.append(Entry(pattern: next, index: Self.indexName(s: boundNow(pattern.subject), p: boundNow(pattern.predicate),
                                                                   o: boundNow(pattern.object)),
                               estimate: estimates[next]))
            for slot in [pattern.subject, pattern.predicate, pattern.object] {
                if let variable = slot.variable { bound.insert(variable) }
            }
        }
        return order
    }

    /// The index whose prefix the bound positions use (for `--explain`).
    static func indexName(s: Bool, p: Bool, o: Bool) -> String {
        switch (s, p, o) {
        case (true, _, _): "spog (primary key)"
        case (false, true, _): "posg"
        case (false, false, true): "ospg"
        default: "full scan"
        }
    }
}
