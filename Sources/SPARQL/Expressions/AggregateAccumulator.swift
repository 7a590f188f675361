import Foundation
import RDF

/// One aggregate over one group (§18.5.1): feed it each solution's value of the aggregate's
/// expression, then read the result.
///
/// How the algebra evaluator drives it, per solution of the group:
/// - `COUNT(*)` and `COUNT(DISTINCT *)` (expression nil): call `addRow(_:)`, passing the
///   solution's values (in a fixed variable order) when the aggregate is DISTINCT.
/// - every other aggregate: evaluate the expression and call `add(value)`, or `add(nil)` when
///   the evaluation threw an `ExpressionError` (an unbound variable included).
///
/// Errors, per §18.5.1: COUNT counts only the values without error. SUM and AVG have no value
/// (result nil) as soon as one value is an error or not a number. MIN, MAX, SAMPLE and
/// GROUP_CONCAT skip errors (so `MAX(?x)` over an OPTIONAL ignores solutions without ?x);
/// GROUP_CONCAT has no value when a value is a blank node. DISTINCT keeps the first of
/// identical terms (`1` and `1.0` are different terms).
///
/// Results on an empty group: COUNT and SUM 0, AVG `"0"^^xsd:integer`, GROUP_CONCAT "",
/// MIN, MAX and SAMPLE nil (unbound).
public final class AggregateAccumulator {
    public let aggregate: Aggregate

    private var seen: Set<Term> = []
    private var seenRows: Set<[Term?]> = []
    private var count = 0
    private var sum = NumericValue.integer(0)
    private var failed = false
    private var chosen: Term?
    private var pieces: [String] = []

    public init(_ aggregate: Aggregate) {
        self.aggregate = aggregate
    }

    /// Adds the aggregate expression's value for one solution; nil when its evaluation erred.
    public func add(_ value: Term?) {
        guard let value else {
            switch aggregate.function {
            case .sum, .avg: failed = true
            default: break
            }
            return
        }
        if aggregate.distinct, !seen.insert(value).inserted { return }
        switch aggregate.function {
        case .count:
            count += 1
        case .sum, .avg:
            guard !failed else { return }
            guard let number = NumericValue(value), let total = try? NumericValue.apply(.add, sum, number) else {
                failed = true
                return
            }
            sum = total
            count += 1
        case .min:
            if chosen == nil || TermOrdering.compare(value, chosen) == .orderedAscending { chosen = value }
        case .max:
            if chosen == nil || TermOrdering.compare(value, chosen) == .orderedDescending { chosen = value }
        case .sample:
            if chosen == nil { chosen = value }
        case .groupConcat:
            switch value {
            case .literal(let literal): pieces.append(literal.lexical)
            case .iri(let iri): pieces.append(iri)
            case .blank: failed = true
            }
        }
    }

    /// Counts one solution for COUNT(*). For COUNT(DISTINCT *) pass the solution's values, in the
    /// same variable order for every solution: rows with equal values count once.
    public func addRow(_ solution: [Term?] = []) {
        if aggregate.distinct, !seenRows.insert(solution).inserted { return }
        count += 1
    }

    /// The aggregate's value, or nil when it has none (the variable stays unbound).
    public func result() -> Term? {
        switch aggregate.function {
        case .count:
            return ResultTerm.integer(count)
        case .sum:
            return failed ? nil : sum.term
        case .avg:
            if failed { return nil }
            if count == 0 { return ResultTerm.integer(0) }
            return (try? NumericValue.apply(.divide, sum, .integer(count)))?.term
        case .min, .max, .sample:
            return chosen
        case .groupConcat(let separator):
            return failed ? nil : .literal(pieces.joined(separator: separator))
        }
    }
}
