import Foundation
import RDF
@testable import SPARQL
import Testing

@Suite("Expression casts")
struct ExpressionCastTests {
    static let sources: [Term] = [
        .iri("http://example.org/z"),
        T.str("string"), T.str("-10.2E3"), T.str("+33.3300"), T.str("0.0"), T.str("0"), T.str("0E1"), T.str("1.5"),
        T.str("1"), T.str("1E0"), T.str("13"), T.str("2002-10-10T17:00:00Z"), T.str("false"), T.str("true"),
        T.true, T.false, T.typed("0", XSD.boolean),
        T.int(0), T.int(1), T.int(-1), T.dec("0.0"), T.dec("1.0"), T.dec("-1.0"), T.dbl("0E1"), T.dbl("1E0"),
        T.flt("0E1"), T.flt("1E0"), T.flt("1.25"), T.flt("-7.875"), T.dec("2.5"), T.dec("-2.5"),
    ]

    /// The W3C cast/ results, one column per target (nil: error), in `sources` order.
    static let expected: [String: [String?]] = [
        XSD.boolean: [nil, nil, nil, nil, nil, "false", nil, nil, "true", nil, nil, nil, "false", "true",
                      "true", "false", "false", "false", "true", "true", "false", "true", "true", "false", "true",
                      "false", "true", "true", "true", "true", "true"],
        XSD.integer: [nil, nil, nil, nil, nil, "0", nil, nil, "1", nil, "13", nil, nil, nil,
                      "1", "0", "0", "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1", "-7", "2", "-2"],
        XSD.decimal: [nil, nil, nil, "33.33", "0.0", "0", nil, "1.5", "1", nil, "13", nil, nil, nil,
                      "1", "0", "0", "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1.25", "-7.875", "2.5", "-2.5"],
        XSD.double: [nil, nil, "-1.02E4", "3.333E1", "0", "0", "0", "1.5", "1", "1", "13", nil, nil, nil,
                     "1", "0", "0", "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1.25", "-7.875", "2.5", "-2.5"],
        XSD.namespace + "float": [nil, nil, "-1.02E4", "3.333E1", "0", "0", "0", "1.5", "1", "1", "13", nil, nil, nil,
                                  "1", "0", "0", "0", "1", "-1", "0", "1", "-1", "0", "1", "0", "1", "1.25", "-7.875", "2.5", "-2.5"],
        XSD.string: ["http://example.org/z", "string", "-10.2E3", "+33.3300", "0.0", "0", "0E1", "1.5", "1", "1E0", "13",
                     "2002-10-10T17:00:00Z", "false", "true", "true", "false", "false", "0", "1", "-1", "0", "1", "-1",
                     "0", "1", "0", "1", "1.25", "-7.875", "2.5", "-2.5"],
    ]

    @Test(arguments: Array(expected.keys))
    func w3cCastTable(target: String) throws {
        let column = try #require(Self.expected[target])
        #expect(column.count == Self.sources.count)
        for (source, expectation) in zip(Self.sources, column) {
            let result = evaluated(.call(target, [.term(source)]))
            guard let expectation else {
                #expect(result == nil, "\(source) → <\(target)>")
                continue
            }
            let expectedTerm = Term.literal(expectation, datatype: target)
            guard let result, case .literal(let literal) = result else {
                Issue.record("\(source) → <\(target)>: no value")
                continue
            }
            #expect(literal.datatype == target, "\(source) → <\(target)>")
            // Value equality: the W3C results do not use canonical forms throughout.
            #expect((try? ValueComparison.equal(result, expectedTerm)) == true, "\(source) → <\(target)> gave \(result)")
        }
    }

    @Test func canonicalResultForms() {
        #expect(evaluated(X.call(XSD.double, X.str("1"))) == T.dbl("1.0E0"))
        #expect(evaluated(X.call(XSD.double, X.int(100))) == T.dbl("1.0E2"))
        #expect(evaluated(X.call(XSD.decimal, X.int(1))) == T.dec("1.0"))
        #expect(evaluated(X.call(XSD.decimal, X.str("+33.3300"))) == T.dec("33.33"))
        #expect(evaluated(X.call(XSD.integer, X.str("+013"))) == T.int(13))
        #expect(evaluated(X.call(XSD.boolean, X.str("1"))) == T.true)
        #expect(evaluated(X.call(XSD.string, X.typed("0", XSD.boolean))) == T.str("false"))
        #expect(evaluated(X.call(XSD.string, X.dbl("1.0E7"))) == T.str("1.0E7"))
        #expect(evaluated(X.call(XSD.string, X.dbl("123456.5"))) == T.str("123456.5"))
        #expect(evaluated(X.call(XSD.string, X.dbl("0.000001"))) == T.str("0.000001"))
        #expect(evaluated(X.call(XSD.string, X.dbl("1E-7"))) == T.str("1.0E-7"))
        #expect(evaluated(X.call(XSD.string, X.dbl("-0"))) == T.str("-0"))
        #expect(evaluated(X.call(XSD.string, X.dbl("INF"))) == T.str("INF"))
        #expect(evaluated(X.call(XSD.string, X.typed("007", XSD.integer))) == T.str("7"))
        #expect(evaluated(X.call(XSD.string, X.dec("1.50"))) == T.str("1.5"))
    }

    @Test func castErrors() {
        #expect(evaluated(X.call(XSD.integer, X.dbl("NaN"))) == nil)
        #expect(evaluated(X.call(XSD.decimal, X.dbl("INF"))) == nil)
        #expect(evaluated(X.call(XSD.integer, X.typed("abc", XSD.integer))) == nil)
        #expect(evaluated(X.call(XSD.string, X.typed("abc", XSD.integer))) == nil)
        #expect(evaluated(X.call(XSD.string, X.blank("b"))) == nil)
        #expect(evaluated(X.call(XSD.string, X.lang("chat", "fr"))) == nil)
        #expect(evaluated(X.call(XSD.integer, X.typed("1", "http://example/t"))) == nil)
        #expect(evaluated(X.call(XSD.boolean, X.dateTime("2002-10-10T17:00:00Z"))) == nil)
        #expect(evaluated(X.call(XSD.integer, X.iri("http://example/1"))) == nil)
        #expect(evaluated(X.call(XSD.dateTime, X.int(1))) == nil)
        #expect(evaluated(X.call(XSD.dateTime, X.str("2002-10-10"))) == nil)
    }

    @Test func castsToAndFromDateTime() {
        #expect(evaluated(X.call(XSD.dateTime, X.str("2002-10-10T17:00:00Z"))) == T.typed("2002-10-10T17:00:00Z", XSD.dateTime))
        #expect(evaluated(X.call(XSD.dateTime, X.dateTime("2002-10-10T17:00:00Z"))) == T.typed("2002-10-10T17:00:00Z", XSD.dateTime))
        #expect(evaluated(X.call(XSD.dateTime, X.typed("2002-10-10+01:00", XSD.date))) == T.typed("2002-10-10T00:00:00+01:00", XSD.dateTime))
        #expect(evaluated(X.call(XSD.string, X.dateTime("2002-10-10T17:00:00Z"))) == T.str("2002-10-10T17:00:00Z"))
    }

    @Test func castsOfLargeAndDerivedValues() {
        #expect(evaluated(X.call(XSD.integer, X.dbl("1.0E20"))) == T.typed("100000000000000000000", XSD.integer))
        #expect(evaluated(X.call(XSD.integer, X.dec("-2.9"))) == T.int(-2))
        #expect(evaluated(X.call(XSD.double, X.typed("5", X.xsd + "short"))) == T.dbl("5.0E0"))
        #expect(evaluated(X.call(XSD.string, X.flt("0.1"))) == T.str("0.1"))
    }
}
