import RDF
import Store

extension Evaluation {
    /// GROUP BY plain variables with only COUNT(*) aggregates, straight over a basic graph
    /// pattern: the rows are counted per key id as SQLite produces them, so no solution is ever
    /// built for them. Nil when the query has another shape (the general `group` handles it).
    func countGroups(_ patterns: [TriplePattern], keys: [GroupKey], aggregates: [AggregateBinding],
                     scope: GraphScope) throws -> [Solution]? {
        var keySlots: [Int] = []
        for key in keys {
            guard case .variable(let variable) = key.expression else { return nil }
            keySlots.append(slot(variable))
        }
        guard aggregates.allSatisfy({ $0.aggregate.function == .count && $0.aggregate.expression == nil && !$0.aggregate.distinct }) else {
            return nil
        }
        // Groups in order of first appearance, as the general path makes them.
        var order: [[Int64]] = []
        var counts: [Int] = []
        if keySlots.count == 1 {
            let index = keySlots[0]
            var positions: [Int64: Int] = [:]
            try forEachSolution(of: patterns, scope: scope) { solution in
                let key = solution[index]
                if let position = positions[key] {
                    counts[position] += 1
                } else {
                    positions[key] = counts.count
                    order.append([key])
                    counts.append(1)
                }
            }
        } else {
            var positions: [[Int64]: Int] = [:]
            try forEachSolution(of: patterns, scope: scope) { solution in
                let key = keySlots.map { solution[$0] }
                if let position = positions[key] {
                    counts[position] += 1
                } else {
                    positions[key] = counts.count
                    order.append(key)
                    counts.append(1)
                }
            }
        }
        // Without GROUP BY, aggregates run over one group, even when it is empty.
        if keys.isEmpty && order.isEmpty {
            order.append([])
            counts.append(0)
        }
        var result: [Solution] = []
        for (position, key) in order.enumerated() {
            var output = emptySolution
            for (keyPosition, groupKey) in keys.enumerated() {
                if let variable = groupKey.variable { output[slot(variable)] = key[keyPosition] }
            }
            let count = try id(ResultTerm.integer(counts[position]))
            for binding in aggregates { output[slot(binding.variable)] = count }
            result.append(output)
            try tick()
        }
        return result
    }
}
