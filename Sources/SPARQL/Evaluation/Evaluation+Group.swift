import RDF

extension Evaluation {
    /// GROUP BY with aggregates (§18.5): one output solution per group, binding the key variables
    /// and each aggregate's variable (left unbound when the aggregate is an error).
    func group(_ solutions: [Solution], keys: [GroupKey], aggregates: [AggregateBinding]) throws -> [Solution] {
        var groups: [[Int64]: [Solution]] = [:]
        var order: [[Int64]] = []
        // A key that is just a variable is its id: ids are one per term, so no term is built.
        let plainSlots: [Int?] = keys.map { key in
            if case .variable(let variable) = key.expression { return slot(variable) }
            return nil
        }
        for solution in solutions {
            var key: [Int64] = []
            for (position, groupKey) in keys.enumerated() {
                if let index = plainSlots[position] {
                    key.append(solution[index])
                } else {
                    key.append(try value(groupKey.expression, solution).map { try id($0) } ?? 0)
                }
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(solution)
            try tick()
        }
        // Without GROUP BY, aggregates run over one group, even when it is empty.
        if keys.isEmpty && groups.isEmpty {
            groups[[]] = []
            order.append([])
        }
        var result: [Solution] = []
        for key in order {
            let members = groups[key] ?? []
            var output = emptySolution
            for (position, groupKey) in keys.enumerated() {
                if let variable = groupKey.variable { output[slot(variable)] = key[position] }
            }
            for binding in aggregates {
                let accumulator = AggregateAccumulator(binding.aggregate)
                for member in members {
                    if let expression = binding.aggregate.expression {
                        accumulator.add(try value(expression, member))
                    } else if binding.aggregate.distinct {
                        accumulator.addRow(try member.map { $0 == 0 ? nil : try term($0) })
                    } else {
                        accumulator.addRow()
                    }
                }
                if let term = accumulator.result() { output[slot(binding.variable)] = try id(term) }
            }
            result.append(output)
            try tick()
        }
        return result
    }
}
