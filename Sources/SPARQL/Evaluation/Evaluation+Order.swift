import Foundation
import RDF

extension Evaluation {
    /// One solution with its ORDER BY keys, and its position in the input (the last tie-break,
    /// which makes the sort stable).
    private struct Ranked {
        var offset: Int
        var solution: Solution
        var keys: [OrderKey?]
    }

    /// Sorts by the conditions (stable); with `keeping`, returns only the first `keeping` in order.
    ///
    /// Each solution's keys are computed once (a plain variable's key is read per term id from
    /// `StoreKnowledge`), so comparisons never re-parse literals. With `keeping` smaller than the
    /// input, a sorted list of at most `keeping` entries is kept: a solution that does not beat
    /// the last kept one costs one comparison and no allocation. The order, ties included, is
    /// exactly what a full stable sort by `TermOrdering` gives.
    func order(_ solutions: [Solution], by conditions: [OrderCondition], keeping: Int? = nil) throws -> [Solution] {
        let ascending = conditions.map(\.ascending)
        let plainSlots: [Int?] = conditions.map { condition in
            if case .variable(let variable) = condition.expression { return slots[variable] }
            return nil
        }
        func precedes(_ a: [OrderKey?], _ aOffset: Int, _ b: [OrderKey?], _ bOffset: Int) -> Bool {
            for position in a.indices {
                let comparison = OrderKey.compare(a[position], b[position])
                if comparison == .orderedSame { continue }
                return (comparison == .orderedAscending) == ascending[position]
            }
            return aOffset < bOffset
        }
        let bounded = keeping.map { $0 < solutions.count } ?? false
        var kept: [Ranked] = []
        kept.reserveCapacity(keeping.map { min($0, solutions.count) } ?? solutions.count)
        var keys = [OrderKey?](repeating: nil, count: conditions.count)
        // Keys of plain variables are pure, so a solution that loses to the last kept one on its
        // first key never needs the others (expressions are evaluated for every solution, as
        // BNODE and RAND need).
        let lazy = bounded && plainSlots.allSatisfy { $0 != nil }
        for (offset, solution) in solutions.enumerated() {
            if let keeping, lazy, kept.count == keeping, let last = kept.last {
                var beats = false
                for position in conditions.indices {
                    let index = plainSlots[position]!
                    keys[position] = index < solution.count ? orderKey(solution[index]) : nil
                    let comparison = OrderKey.compare(keys[position], last.keys[position])
                    if comparison == .orderedSame { continue }
                    beats = (comparison == .orderedAscending) == ascending[position]
                    if beats {
                        for rest in position + 1 ..< conditions.count {
                            let index = plainSlots[rest]!
                            keys[rest] = index < solution.count ? orderKey(solution[index]) : nil
                        }
                    }
                    break
                }
                // A full tie loses: `last` came earlier.
                if !beats {
                    try tick()
                    continue
                }
            } else {
                for position in conditions.indices {
                    if let index = plainSlots[position] {
                        keys[position] = index < solution.count ? orderKey(solution[index]) : nil
                    } else {
                        keys[position] = try value(conditions[position].expression, solution).map(OrderKey.init)
                    }
                }
                if let keeping, bounded, kept.count == keeping, let last = kept.last,
                   !precedes(keys, offset, last.keys, last.offset) {
                    try tick()
                    continue
                }
            }
            if let keeping, bounded {
                // Bounded insertion: the kept list stays sorted and never grows past `keeping`.
                var low = 0, high = kept.count
                while low < high {
                    let middle = (low + high) / 2
                    if precedes(kept[middle].keys, kept[middle].offset, keys, offset) { low = middle + 1 } else { high = middle }
                }
                kept.insert(Ranked(offset: offset, solution: solution, keys: keys), at: low)
                if kept.count > keeping { kept.removeLast() }
            } else {
                kept.append(Ranked(offset: offset, solution: solution, keys: keys))
            }
            try tick()
        }
        if !bounded { kept.sort { precedes($0.keys, $0.offset, $1.keys, $1.offset) } }
        return kept.map(\.solution)
    }

    /// The ORDER BY key of the term with this id (nil for unbound, or a term that cannot be read,
    /// which expressions also see as unbound); decoded once per id and state of the store.
    private func orderKey(_ id: Int64) -> OrderKey? {
        if id == 0 { return nil }
        if id > 0, let known = knowledge.orderKeys[id] { return known }
        guard let term = try? term(id) else { return nil }
        let key = OrderKey(term)
        if id > 0 { knowledge.remember(orderKey: key, for: id) }
        return key
    }
}
