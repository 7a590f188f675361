import Foundation
import RDF
@testable import SPARQL
import Testing

@Suite("Expression aggregates")
struct ExpressionAggregateTests {
    static let ints = [T.int(1), T.int(2), T.int(3)]
    static let decimals = [T.dec("1.0"), T.dec("2.2"), T.dec("3.5")]
    static let doubles = [T.dbl("1.0E2"), T.dbl("2.0E3"), T.dbl("3.0E4")]

    func run(_ function: Aggregate.Function, distinct: Bool = false, _ values: [Term?]) -> Term? {
        let accumulator = AggregateAccumulator(Aggregate(function, distinct: distinct, expression: X.v("o")))
        for value in values { accumulator.add(value) }
        return accumulator.result()
    }

    @Test func count() {
        #expect(run(.count, Self.ints + Self.decimals) == T.int(6))
        #expect(run(.count, [T.int(1), nil, T.int(1)]) == T.int(2))  // errors are not counted
        #expect(run(.count, distinct: true, [T.int(1), T.int(2), T.int(2)]) == T.int(2))
        #expect(run(.count, distinct: true, [T.int(1), T.dec("1.0")]) == T.int(2))  // different terms
        #expect(run(.count, []) == T.int(0))
    }

    @Test func countRows() {
        let star = AggregateAccumulator(Aggregate(.count, expression: nil))
        for _ in 0..<5 { star.addRow() }
        #expect(star.result() == T.int(5))
        let distinctStar = AggregateAccumulator(Aggregate(.count, distinct: true, expression: nil))
        for row: [Term?] in [[T.int(1), nil], [T.int(1), nil], [T.int(1), T.int(2)]] { distinctStar.addRow(row) }
        #expect(distinctStar.result() == T.int(2))
        #expect(AggregateAccumulator(Aggregate(.count, expression: nil)).result() == T.int(0))
    }

    /// aggregates/agg-sum-01, agg-sum-02, agg-sum-distinct.
    @Test func sum() {
        #expect(run(.sum, Self.ints) == T.int(6))
        #expect(run(.sum, Self.decimals) == T.dec("6.7"))
        #expect(run(.sum, Self.doubles) == T.dbl("3.21E4"))
        #expect(run(.sum, [T.int(1), T.dec("2.2")]) == T.dec("3.2"))
        #expect(run(.sum, [T.dbl("2E-1"), T.dec("0.2")]) == T.dbl("4.0E-1"))
        #expect(run(.sum, distinct: true, [T.int(1), T.int(2), T.int(2)]) == T.int(3))
        #expect(run(.sum, distinct: true, [T.dbl("1.0E2"), T.dbl("2.0E3"), T.dbl("2.0E3")]) == T.dbl("2.1E3"))
        #expect(run(.sum, []) == T.int(0))
        #expect(run(.sum, [T.int(1), T.str("2")]) == nil)
        #expect(run(.sum, [T.int(1), nil]) == nil)
    }

    /// aggregates/agg-avg-01, agg-avg-02, agg-avg-03, agg-avg-distinct, agg-err-01.
    @Test func avg() {
        let average = run(.avg, Self.decimals)?.literalValue
        #expect(average?.datatype == XSD.decimal && average?.lexical.hasPrefix("2.23333333333333333") == true)
        #expect(run(.avg, Self.ints) == T.dec("2.0"))
        #expect(run(.avg, [T.int(1), T.dec("2.2")]) == T.dec("1.6"))
        #expect(run(.avg, [T.dbl("2E-1"), T.dec("0.2")]) == T.dbl("2.0E-1"))
        #expect(run(.avg, distinct: true, [T.int(1), T.int(2), T.int(2)]) == T.dec("1.5"))
        #expect(run(.avg, distinct: true, [T.dbl("1.0E2"), T.dbl("2.0E3"), T.dbl("2.0E3")]) == T.dbl("1.05E3"))
        #expect(run(.avg, []) == T.int(0))
        #expect(run(.avg, [T.int(1), .blank("b2"), T.int(3), T.int(4)]) == nil)
        #expect(run(.avg, [T.dec("1.0"), T.dec("2.0"), T.dec("3.0"), T.int(4)]) == T.dec("2.5"))
        #expect(run(.avg, [T.int(1), nil]) == nil)
    }

    /// aggregates/agg-err-02: AVG over IF(isNumeric(?p), ?p, COALESCE(xsd:double(?p), 0)).
    @Test func avgProtectedByCoalesce() throws {
        let protected = SPARQL.Expression.if(
            X.call("ISNUMERIC", X.v("p")), X.v("p"), .coalesce([.call(XSD.double, [X.v("p")]), X.int(0)])
        )
        let evaluator = ExpressionEvaluator(context: ExpressionContext())
        func average(_ values: [Term]) -> Term? {
            let accumulator = AggregateAccumulator(Aggregate(.avg, expression: protected))
            for p in values { accumulator.add(try? evaluator.evaluate(protected, binding: { $0.name == "p" ? p : nil })) }
            return accumulator.result()
        }
        #expect(average([T.int(1), T.str("2"), T.int(3), T.int(4)]) == T.dbl("2.5E0"))
        #expect(average([T.int(1), .blank("b2"), T.int(3), T.int(4)]) == T.dec("2.0"))
        #expect(average([T.dbl("2.5E0"), T.str("not a double"), T.dec("3.5"), T.int(4)]) == T.dbl("2.5E0"))
    }

    /// aggregates/agg-min-*, agg-max-*: over every term, in ORDER BY order.
    @Test func minAndMax() {
        #expect(run(.min, Self.decimals) == T.dec("1.0"))
        #expect(run(.max, Self.ints + Self.decimals + Self.doubles) == T.dbl("3.0E4"))
        #expect(run(.min, [T.int(1), T.dec("2.2")]) == T.int(1))
        #expect(run(.min, [T.dbl("2E-1"), T.dec("2.2")]) == T.dbl("2E-1"))
        #expect(run(.max, [T.dbl("2E-1"), T.dec("2.2")]) == T.dec("2.2"))
        #expect(run(.max, distinct: true, [T.int(1), T.int(2), T.int(2)]) == T.int(2))
        #expect(run(.min, [T.int(1), .blank("b2"), T.int(3)]) == .blank("b2"))
        #expect(run(.max, [T.str("a"), .iri("http://z"), T.int(3)]) == T.str("a"))
        #expect(run(.min, [nil, T.int(3), nil]) == T.int(3))  // errors skipped
        #expect(run(.min, []) == nil)
        #expect(run(.max, [nil]) == nil)
    }

    @Test func sample() {
        let result = run(.sample, Self.decimals)
        #expect(result.map(Self.decimals.contains) == true)
        #expect(run(.sample, [nil, T.int(2)]) == T.int(2))
        #expect(run(.sample, []) == nil)
    }

    /// aggregates/agg-groupconcat-*.
    @Test func groupConcat() {
        let spaced = run(.groupConcat(separator: " "), [T.str("1"), T.str("22")])
        #expect(spaced == T.str("1 22"))
        #expect(run(.groupConcat(separator: ":"), [T.str("1"), T.str("22")]) == T.str("1:22"))
        #expect(run(.groupConcat(separator: " "), [T.lang("1", "en"), T.lang("2", "en")]) == T.str("1 2"))
        #expect(run(.groupConcat(separator: " "), [T.lang("1", "en"), T.lang("2", "fr")]) == T.str("1 2"))
        #expect(run(.groupConcat(separator: " "), [T.lang("1", "en")]) == T.str("1"))
        #expect(run(.groupConcat(separator: " "), distinct: true, [T.str("1"), T.str("2"), T.str("1")]) == T.str("1 2"))
        #expect(run(.groupConcat(separator: ", "), [T.int(1), .iri("http://a"), nil]) == T.str("1, http://a"))
        #expect(run(.groupConcat(separator: " "), []) == T.str(""))
        #expect(run(.groupConcat(separator: " "), [T.str("a"), .blank("b")]) == nil)
    }
}
