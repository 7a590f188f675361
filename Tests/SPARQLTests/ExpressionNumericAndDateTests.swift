import Foundation
import RDF
@testable import SPARQL
import Testing

@Suite("Expression numeric and date functions")
struct ExpressionNumericAndDateTests {
    @Test func absCeilFloorRound() {
        #expect(evaluated(X.call("ABS", X.int(-2))) == T.int(2))
        #expect(evaluated(X.call("ABS", X.dec("-2.5"))) == T.dec("2.5"))
        #expect(evaluated(X.call("ABS", X.dbl("-1E0"))) == T.dbl("1.0E0"))
        #expect(evaluated(X.call("ABS", X.typed("-3", X.xsd + "int"))) == T.int(3))
        #expect(evaluated(X.call("CEIL", X.dec("2.5"))) == T.dec("3.0"))
        #expect(evaluated(X.call("CEIL", X.dec("-1.6"))) == T.dec("-1.0"))
        #expect(evaluated(X.call("CEIL", X.int(-1))) == T.int(-1))
        #expect(evaluated(X.call("FLOOR", X.dec("1.1"))) == T.dec("1.0"))
        #expect(evaluated(X.call("FLOOR", X.dec("-1.6"))) == T.dec("-2.0"))
        #expect(evaluated(X.call("FLOOR", X.dbl("-0.5"))) == T.dbl("-1.0E0"))
        #expect(evaluated(X.call("ROUND", X.dec("2.5"))) == T.dec("3.0"))
        #expect(evaluated(X.call("ROUND", X.dec("-2.5"))) == T.dec("-2.0"))
        #expect(evaluated(X.call("ROUND", X.dec("-1.6"))) == T.dec("-2.0"))
        #expect(evaluated(X.call("ROUND", X.dec("1.1"))) == T.dec("1.0"))
        #expect(evaluated(X.call("ROUND", X.dbl("2.5"))) == T.dbl("3.0E0"))
        #expect(evaluated(X.call("ROUND", X.dbl("-2.5"))) == T.dbl("-2.0E0"))
        #expect(evaluated(X.call("ROUND", X.flt("0.5"))) == T.flt("1.0E0"))
        #expect(evaluated(X.call("ROUND", X.dbl("NaN"))) == T.dbl("NaN"))
        #expect(evaluated(X.call("ROUND", X.str("1"))) == nil)
    }

    /// functions/abs01: FILTER(ABS(?num) >= 2).
    @Test func absFilter() {
        let nums = [T.int(-2), T.int(-1), T.dec("-1.6"), T.dec("1.1"), T.dec("2.5")]
        let kept = nums.filter { passes(.greaterOrEqual(X.call("ABS", X.v("n")), X.int(2)), ["n": $0]) }
        #expect(kept == [T.int(-2), T.dec("2.5")])
    }

    @Test func dateTimeFields() {
        let d1 = X.dateTime("2010-06-21T11:28:01Z")
        let d2 = X.dateTime("2010-12-21T15:38:02-08:00")
        let d4 = X.dateTime("2011-02-01T01:02:03")
        #expect(evaluated(X.call("YEAR", d1)) == T.int(2010))
        #expect(evaluated(X.call("MONTH", d2)) == T.int(12))
        #expect(evaluated(X.call("DAY", d4)) == T.int(1))
        #expect(evaluated(X.call("HOURS", d2)) == T.int(15))
        #expect(evaluated(X.call("MINUTES", d2)) == T.int(38))
        #expect(number(evaluated(X.call("SECONDS", d4))) == 3)
        #expect(evaluated(X.call("SECONDS", X.dateTime("2010-06-21T11:28:01.25Z"))) == T.dec("1.25"))
        #expect(evaluated(X.call("YEAR", X.dateTime("-0044-03-15T12:00:00"))) == T.int(-44))
        #expect(evaluated(X.call("YEAR", X.typed("2010-06-21", XSD.date))) == T.int(2010))
        #expect(evaluated(X.call("HOURS", X.typed("2010-06-21", XSD.date))) == nil)
        #expect(evaluated(X.call("YEAR", X.str("2010-06-21T11:28:01Z"))) == nil)
        #expect(evaluated(X.call("YEAR", X.dateTime("2010-13-21T11:28:01Z"))) == nil)
        #expect(evaluated(X.call("DAY", X.dateTime("2011-02-29T00:00:00Z"))) == nil)
        #expect(evaluated(X.call("DAY", X.dateTime("2012-02-29T00:00:00Z"))) == T.int(29))
        // 24:00:00 is midnight of the next day.
        #expect(evaluated(X.call("DAY", X.dateTime("2012-12-31T24:00:00Z"))) == T.int(1))
        #expect(evaluated(X.call("YEAR", X.dateTime("2012-12-31T24:00:00Z"))) == T.int(2013))
    }

    @Test func timezoneAndTZ() {
        let cases: [(String, Term?, String)] = [
            ("2010-06-21T11:28:01Z", T.typed("PT0S", X.xsd + "dayTimeDuration"), "Z"),
            ("2010-12-21T15:38:02-08:00", T.typed("-PT8H", X.xsd + "dayTimeDuration"), "-08:00"),
            ("2010-12-21T15:38:02+05:30", T.typed("PT5H30M", X.xsd + "dayTimeDuration"), "+05:30"),
            ("2010-12-21T15:38:02+00:00", T.typed("PT0S", X.xsd + "dayTimeDuration"), "+00:00"),
            ("2011-02-01T01:02:03", nil, ""),
        ]
        for (lexical, timezone, tz) in cases {
            #expect(evaluated(X.call("TIMEZONE", X.dateTime(lexical))) == timezone, "\(lexical)")
            #expect(evaluated(X.call("TZ", X.dateTime(lexical))) == T.str(tz), "\(lexical)")
        }
        #expect(evaluated(X.call("TZ", X.dateTime("2010-12-21T15:38:02+15:00"))) == nil)
    }

    @Test func nowIsFixedPerEvaluator() throws {
        let instant = Date(timeIntervalSince1970: 1_700_000_000.5)
        let evaluator = ExpressionEvaluator(context: ExpressionContext(now: instant))
        let none: (Variable) -> Term? = { _ in nil }
        let now = try evaluator.evaluate(X.call("NOW"), binding: none)
        #expect(now == T.typed("2023-11-14T22:13:20.5Z", XSD.dateTime))
        #expect(try evaluator.evaluate(X.call("NOW"), binding: none) == now)
        #expect(evaluator.isTrue(.equal(X.call("DATATYPE", X.call("NOW")), X.iri(XSD.dateTime)), binding: none))
        let epoch = ExpressionEvaluator(context: ExpressionContext(now: Date(timeIntervalSince1970: -1)))
        #expect(try epoch.evaluate(X.call("NOW"), binding: none) == T.typed("1969-12-31T23:59:59Z", XSD.dateTime))
    }
}
