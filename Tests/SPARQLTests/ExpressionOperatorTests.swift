import Foundation
import RDF
@testable import SPARQL
import Testing

@Suite("Expression operators")
struct ExpressionOperatorTests {
    // MARK: Arithmetic and promotion

    @Test func integerArithmeticStaysInteger() {
        #expect(evaluated(.add(X.int(1), X.int(2))) == T.int(3))
        #expect(evaluated(.subtract(X.int(1), X.int(5))) == T.int(-4))
        #expect(evaluated(.multiply(X.int(-3), X.int(4))) == T.int(-12))
    }

    @Test func integerDivisionIsDecimal() {
        #expect(evaluated(.divide(X.int(4), X.int(2))) == T.dec("2.0"))
        #expect(evaluated(.divide(X.int(1), X.int(4))) == T.dec("0.25"))
        #expect(evaluated(.divide(X.int(0), X.int(2))) == T.dec("0.0"))
    }

    @Test func divisionByZero() {
        #expect(evaluated(.divide(X.int(1), X.int(0))) == nil)
        #expect(evaluated(.divide(X.dec("1.5"), X.dec("0.0"))) == nil)
        #expect(evaluated(.divide(X.dbl("1"), X.int(0))) == T.dbl("INF"))
        #expect(evaluated(.divide(X.dbl("-1"), X.int(0))) == T.dbl("-INF"))
        #expect(evaluated(.divide(X.dbl("0"), X.int(0))) == T.dbl("NaN"))
        #expect(evaluated(.divide(X.flt("1"), X.int(0))) == T.flt("INF"))
    }

    @Test func promotion() {
        #expect(evaluated(.add(X.dec("1.0"), X.int(2))) == T.dec("3.0"))
        #expect(evaluated(.add(X.flt("1.5"), X.int(2))) == T.flt("3.5E0"))
        #expect(evaluated(.add(X.flt("1.5"), X.dec("2.5"))) == T.flt("4.0E0"))
        #expect(evaluated(.add(X.flt("1.5"), X.dbl("1"))) == T.dbl("2.5E0"))
        #expect(evaluated(.multiply(X.dbl("1.0E2"), X.int(3))) == T.dbl("3.0E2"))
        #expect(evaluated(.subtract(X.dec("0.3"), X.dec("0.1"))) == T.dec("0.2"))
    }

    @Test func derivedIntegerTypesPromoteToInteger() {
        let byte = X.typed("7", X.xsd + "byte")
        let long = X.typed("-2", X.xsd + "long")
        #expect(evaluated(.add(byte, long)) == T.int(5))
        #expect(evaluated(.unaryPlus(X.typed("05", X.xsd + "nonNegativeInteger"))) == T.int(5))
        #expect(evaluated(.add(X.typed("-1", X.xsd + "positiveInteger"), X.int(1))) == nil)  // out of range: ill-typed
    }

    @Test func integerOverflowFallsBackToDecimalPrecision() {
        let big = evaluated(.add(X.int(Int.max), X.int(1)))
        #expect(big == T.typed("9223372036854775808", XSD.integer))
        #expect(evaluated(.multiply(X.int(Int.max), X.int(10))) == T.typed("92233720368547758070", XSD.integer))
        #expect(evaluated(.unaryMinus(X.int(Int.min))) == T.typed("9223372036854775808", XSD.integer))
        #expect(evaluated(.subtract(.term(T.typed("9223372036854775808", XSD.integer)), X.int(1))) == T.int(Int.max))
    }

    @Test func unaryOperators() {
        #expect(evaluated(.unaryMinus(X.int(3))) == T.int(-3))
        #expect(evaluated(.unaryMinus(X.dec("-2.5"))) == T.dec("2.5"))
        #expect(evaluated(.unaryPlus(X.dbl("1e1"))) == T.dbl("1.0E1"))
        #expect(evaluated(.unaryMinus(X.str("3"))) == nil)
    }

    @Test func arithmeticNeedsNumbers() {
        #expect(evaluated(.add(X.str("1"), X.int(2))) == nil)
        #expect(evaluated(.add(X.typed("abc", XSD.integer), X.int(2))) == nil)
        #expect(evaluated(.add(X.iri("http://example/a"), X.int(2))) == nil)
        #expect(evaluated(.add(X.v("unbound"), X.int(2))) == nil)
        #expect(evaluated(.add(X.bool(true), X.int(2))) == nil)
    }

    @Test func canonicalDoubleForms() {
        #expect(evaluated(.add(X.dbl("1.0E2"), X.dbl("2.0E3"))) == T.dbl("2.1E3"))
        #expect(evaluated(.add(X.dbl("2E-1"), X.dbl("2E-1"))) == T.dbl("4.0E-1"))
        #expect(evaluated(.multiply(X.dbl("0"), X.dbl("-1"))) == T.dbl("-0.0E0"))
        #expect(evaluated(.add(X.dbl("123456789"), X.dbl("0"))) == T.dbl("1.23456789E8"))
    }

    // MARK: Equality

    @Test func numericEqualityByValue() {
        #expect(evaluated(.equal(X.int(1), X.dec("1.0"))) == T.true)
        #expect(evaluated(.equal(X.int(1), X.dbl("1E0"))) == T.true)
        #expect(evaluated(.equal(X.typed("01", XSD.integer), X.int(1))) == T.true)
        #expect(evaluated(.notEqual(X.int(1), X.int(2))) == T.true)
        #expect(evaluated(.equal(X.dbl("NaN"), X.dbl("NaN"))) == T.false)
        #expect(evaluated(.notEqual(X.dbl("NaN"), X.dbl("NaN"))) == T.true)
    }

    @Test func stringEquality() {
        #expect(evaluated(.equal(X.str("abc"), X.typed("abc", XSD.string))) == T.true)
        #expect(evaluated(.equal(X.str("abc"), X.str("abd"))) == T.false)
        #expect(evaluated(.equal(X.lang("abc", "en"), X.lang("abc", "EN"))) == T.true)
        #expect(evaluated(.equal(X.lang("abc", "en"), X.lang("abc", "fr"))) == T.false)
        #expect(evaluated(.equal(X.lang("abc", "en"), X.str("abc"))) == T.false)
        // Code points, not canonical equivalence: é precomposed vs e + combining acute.
        #expect(evaluated(.equal(X.str("\u{E9}"), X.str("e\u{301}"))) == T.false)
    }

    @Test func differentKnownTypesAreUnequal() {
        #expect(evaluated(.equal(X.int(1), X.str("1"))) == T.false)
        #expect(evaluated(.notEqual(X.int(1), X.str("1"))) == T.true)
        #expect(evaluated(.equal(X.bool(true), X.int(1))) == T.false)
        #expect(evaluated(.equal(X.iri("http://a"), X.str("http://a"))) == T.false)
        #expect(evaluated(.equal(X.iri("http://a"), X.iri("http://a"))) == T.true)
        #expect(evaluated(.equal(X.blank("b"), X.blank("b"))) == T.true)
        #expect(evaluated(.equal(X.blank("b"), X.iri("b"))) == T.false)
    }

    @Test func unknownDatatypesAndIllTypedLiteralsErrUnlessIdentical() {
        let a = X.typed("a", "http://example/t")
        let b = X.typed("b", "http://example/t")
        #expect(evaluated(.equal(a, a)) == T.true)
        #expect(evaluated(.equal(a, b)) == nil)
        #expect(evaluated(.notEqual(a, b)) == nil)
        #expect(evaluated(.equal(a, X.str("a"))) == nil)
        #expect(evaluated(.equal(a, X.iri("http://a"))) == T.false)
        let bad = X.typed("abc", XSD.integer)
        #expect(evaluated(.equal(bad, bad)) == T.true)
        #expect(evaluated(.equal(bad, X.int(1))) == nil)
        #expect(evaluated(.notEqual(bad, X.typed("abd", XSD.integer))) == nil)
    }

    @Test func booleanEquality() {
        #expect(evaluated(.equal(X.typed("1", XSD.boolean), X.bool(true))) == T.true)
        #expect(evaluated(.equal(X.typed("0", XSD.boolean), X.bool(true))) == T.false)
    }

    @Test func dateTimeEquality() {
        #expect(evaluated(.equal(X.dateTime("2002-04-02T12:00:00Z"), X.dateTime("2002-04-02T17:00:00+05:00"))) == T.true)
        #expect(evaluated(.equal(X.dateTime("2002-04-02T12:00:00Z"), X.dateTime("2002-04-02T12:00:00.000Z"))) == T.true)
        #expect(evaluated(.equal(X.dateTime("2002-04-02T12:00:00"), X.dateTime("2002-04-02T12:00:00"))) == T.true)
        // Within 14 hours, with and without a timezone: indeterminate.
        #expect(evaluated(.equal(X.dateTime("2002-04-02T12:00:00Z"), X.dateTime("2002-04-02T12:00:00"))) == nil)
        #expect(evaluated(.equal(X.dateTime("2002-04-02T12:00:00Z"), X.dateTime("2002-04-05T12:00:00"))) == T.false)
        #expect(evaluated(.equal(X.dateTime("2002-04-02T24:00:00Z"), X.dateTime("2002-04-03T00:00:00Z"))) == T.true)
    }

    // MARK: Ordering operators

    @Test func numericOrdering() {
        #expect(evaluated(.less(X.int(1), X.dec("1.5"))) == T.true)
        #expect(evaluated(.greater(X.dbl("2E0"), X.int(1))) == T.true)
        #expect(evaluated(.lessOrEqual(X.int(2), X.dec("2.0"))) == T.true)
        #expect(evaluated(.greaterOrEqual(X.int(1), X.dec("2.0"))) == T.false)
        #expect(evaluated(.less(X.dbl("NaN"), X.int(1))) == T.false)
        #expect(evaluated(.greaterOrEqual(X.dbl("NaN"), X.int(1))) == T.false)
    }

    @Test func stringOrderingIsByCodePoint() {
        #expect(evaluated(.less(X.str("B"), X.str("a"))) == T.true)
        #expect(evaluated(.less(X.str("abc"), X.str("abd"))) == T.true)
        #expect(evaluated(.less(X.str("\u{FFFF}"), X.str("\u{1F46A}"))) == T.true)  // not UTF-16 order
        #expect(evaluated(.less(X.str("a"), X.typed("b", XSD.string))) == T.true)
        #expect(evaluated(.less(X.lang("a", "en"), X.lang("b", "en"))) == nil)
    }

    @Test func otherOrderings() {
        #expect(evaluated(.less(X.bool(false), X.bool(true))) == T.true)
        #expect(evaluated(.less(X.dateTime("2002-04-02T12:00:00Z"), X.dateTime("2002-04-02T12:00:01Z"))) == T.true)
        #expect(evaluated(.less(X.dateTime("2002-04-02T12:00:00-01:00"), X.dateTime("2002-04-02T12:00:00Z"))) == T.false)
        #expect(evaluated(.less(X.dateTime("2002-04-02T12:00:00Z"), X.dateTime("2002-04-02T13:00:00"))) == nil)
        #expect(evaluated(.less(X.dateTime("2002-04-01T12:00:00Z"), X.dateTime("2002-04-02T13:00:00"))) == T.true)
        #expect(evaluated(.less(X.int(1), X.str("2"))) == nil)
        #expect(evaluated(.less(X.iri("http://a"), X.iri("http://b"))) == nil)
        #expect(evaluated(.less(X.typed("a", "http://example/t"), X.typed("b", "http://example/t"))) == nil)
    }

    // MARK: Logic and effective boolean value

    @Test func logicalOrTruthTable() {
        #expect(evaluated(.or(X.bool(true), X.error)) == T.true)
        #expect(evaluated(.or(X.error, X.bool(true))) == T.true)
        #expect(evaluated(.or(X.bool(false), X.error)) == nil)
        #expect(evaluated(.or(X.error, X.bool(false))) == nil)
        #expect(evaluated(.or(X.error, X.error)) == nil)
        #expect(evaluated(.or(X.bool(false), X.bool(false))) == T.false)
    }

    @Test func logicalAndTruthTable() {
        #expect(evaluated(.and(X.bool(false), X.error)) == T.false)
        #expect(evaluated(.and(X.error, X.bool(false))) == T.false)
        #expect(evaluated(.and(X.bool(true), X.error)) == nil)
        #expect(evaluated(.and(X.error, X.bool(true))) == nil)
        #expect(evaluated(.and(X.bool(true), X.bool(true))) == T.true)
    }

    @Test func negation() {
        #expect(evaluated(.not(X.bool(true))) == T.false)
        #expect(evaluated(.not(X.str(""))) == T.true)
        #expect(evaluated(.not(X.error)) == nil)
        #expect(evaluated(.not(X.iri("http://a"))) == nil)
    }

    @Test func effectiveBooleanValue() throws {
        let evaluator = ExpressionEvaluator(context: ExpressionContext())
        #expect(try evaluator.effectiveBooleanValue(T.true))
        #expect(try !evaluator.effectiveBooleanValue(T.typed("0", XSD.boolean)))
        #expect(try !evaluator.effectiveBooleanValue(T.typed("yes", XSD.boolean)))  // ill-typed: false
        #expect(try !evaluator.effectiveBooleanValue(T.str("")))
        #expect(try evaluator.effectiveBooleanValue(T.str("false")))
        #expect(try evaluator.effectiveBooleanValue(T.lang("x", "en")))
        #expect(try !evaluator.effectiveBooleanValue(T.int(0)))
        #expect(try !evaluator.effectiveBooleanValue(T.dec("0.0")))
        #expect(try !evaluator.effectiveBooleanValue(T.dbl("NaN")))
        #expect(try evaluator.effectiveBooleanValue(T.dbl("-0.1")))
        #expect(try !evaluator.effectiveBooleanValue(T.typed("abc", XSD.integer)))  // ill-typed: false
        #expect(throws: ExpressionError.self) { try evaluator.effectiveBooleanValue(.iri("http://a")) }
        #expect(throws: ExpressionError.self) { try evaluator.effectiveBooleanValue(.blank("b")) }
        #expect(throws: ExpressionError.self) { try evaluator.effectiveBooleanValue(T.typed("2002-04-02T12:00:00Z", XSD.dateTime)) }
        #expect(throws: ExpressionError.self) { try evaluator.effectiveBooleanValue(T.typed("x", "http://example/t")) }
    }

    @Test func filterTreatsErrorsAsFalse() {
        #expect(passes(.equal(X.int(1), X.int(1))))
        #expect(!passes(X.error))
        #expect(!passes(X.v("x")))
        #expect(passes(X.v("x"), ["x": T.int(3)]))
        #expect(!passes(.not(X.error)))
    }

    // MARK: IN, NOT IN, IF, COALESCE, BOUND, EXISTS

    @Test func inAndNotIn() {
        #expect(evaluated(.in(X.int(2), [X.int(1), X.int(2), X.int(3)])) == T.true)
        #expect(evaluated(.in(X.int(2), [X.int(1), X.int(3)])) == T.false)
        #expect(evaluated(.in(X.int(2), [])) == T.false)
        #expect(evaluated(.in(X.int(2), [X.error, X.int(2)])) == T.true)
        #expect(evaluated(.in(X.int(2), [X.error, X.int(3)])) == nil)
        #expect(evaluated(.notIn(X.int(2), [])) == T.true)
        #expect(evaluated(.notIn(X.int(2), [X.error, X.int(2)])) == T.false)
        #expect(evaluated(.notIn(X.int(2), [X.error, X.int(3)])) == nil)
        #expect(evaluated(.notIn(X.int(2), [X.int(1), X.dec("3.0")])) == T.true)
        #expect(evaluated(.in(X.error, [X.int(1)])) == nil)
    }

    @Test func ifAndCoalesce() {
        #expect(evaluated(.if(X.bool(true), X.int(1), X.error)) == T.int(1))
        #expect(evaluated(.if(X.str(""), X.error, X.int(2))) == T.int(2))
        #expect(evaluated(.if(X.error, X.int(1), X.int(2))) == nil)
        #expect(evaluated(X.call("IF", X.int(0), X.int(1), X.int(2))) == T.int(2))
        #expect(evaluated(.coalesce([X.v("x"), X.error, X.int(3)])) == T.int(3))
        #expect(evaluated(.coalesce([X.v("x")]), ["x": T.str("a")]) == T.str("a"))
        #expect(evaluated(.coalesce([])) == nil)
        #expect(evaluated(.coalesce([X.error])) == nil)
        #expect(evaluated(X.call("COALESCE", X.v("x"), X.int(-1))) == T.int(-1))
    }

    @Test func boundAndVariables() {
        #expect(evaluated(.bound(Variable("x")), ["x": T.int(1)]) == T.true)
        #expect(evaluated(.bound(Variable("x"))) == T.false)
        #expect(evaluated(X.call("BOUND", X.v("y"))) == T.false)
        #expect(evaluated(X.v("x")) == nil)
    }

    @Test func existsUsesTheContext() {
        let pattern = Algebra.bgp([])
        let yes = ExpressionContext(exists: { _ in true })
        #expect(evaluated(.exists(pattern), context: yes) == T.true)
        #expect(evaluated(.notExists(pattern), context: yes) == T.false)
        #expect(evaluated(.exists(pattern)) == T.false)
        let failing = ExpressionContext(exists: { _ in throw ExpressionError(message: "boom") })
        #expect(evaluated(.exists(pattern), context: failing) == nil)
    }
}
