import Foundation
import RDF
@testable import SPARQL
import Testing

/// `OrderKey` is `TermOrdering` decoded ahead of time: the two must agree on every pair.
@Suite("ORDER BY keys")
struct OrderKeyTests {
    static let dateTime = XSD.dateTime
    static let date = XSD.namespace + "date"

    /// Terms from every group, with the edge cases of each: equal values in different spellings,
    /// NaN and infinities, integers beyond `Int`, fractional seconds, dates with and without a
    /// timezone at the same and nearby instants, ill-typed literals.
    static let terms: [Term?] = [
        nil, .blank("a"), .blank("b"), .blank("é"), .iri("http://a"), .iri("http://b/é"), .iri("http://a/"),
        T.int(1), T.int(-3), T.int(Int.max), T.int(Int.min), T.typed("99999999999999999999999", XSD.integer),
        T.typed("01", XSD.integer), T.dec("1.0"), T.dec("2.5"), T.dec("-0.0"), T.dbl("1E0"), T.dbl("NaN"),
        T.dbl("INF"), T.dbl("-INF"), T.flt("NaN"), T.flt("2.5"), T.typed("3", XSD.namespace + "byte"),
        T.typed("-1", XSD.namespace + "positiveInteger"), T.typed("abc", XSD.integer),
        T.str("a"), T.str("B"), T.str("é"), T.typed("a", XSD.string), T.lang("a", "en"), T.lang("a", "fr"),
        T.lang("b", "en"), T.true, T.false, T.typed("1", XSD.boolean), T.typed("yes", XSD.boolean),
        T.typed("2002-04-02T12:00:00Z", dateTime), T.typed("2002-04-02T12:00:00", dateTime),
        T.typed("2002-04-02T14:00:00+02:00", dateTime), T.typed("2002-04-02T12:00:00.5Z", dateTime),
        T.typed("2002-04-02T12:00:00.50", dateTime), T.typed("2002-04-02T24:00:00Z", dateTime),
        T.typed("2002-04-03T00:00:00", dateTime), T.typed("-0044-03-15T12:00:00Z", dateTime),
        T.typed("2002-04-02T12:00:00.000000000000000000000000001Z", dateTime), T.typed("not a date", dateTime),
        T.typed("2002-04-02", date), T.typed("2002-04-02Z", date), T.typed("2002-04-02-05:00", date),
        T.typed("2002-04-01+14:00", date), T.typed("2002-04-03", date), T.typed("2002-13-01", date),
        T.typed("zz", "http://example/t"), T.typed("aa", "http://example/t"), T.typed("zz", "http://example/s"),
    ]

    @Test func agreesWithTermOrdering() {
        let keys = Self.terms.map { $0.map(OrderKey.init) }
        for (i, a) in Self.terms.enumerated() {
            for (j, b) in Self.terms.enumerated() {
                #expect(OrderKey.compare(keys[i], keys[j]) == TermOrdering.compare(a, b),
                        "\(String(describing: a)) vs \(String(describing: b))")
            }
        }
    }

    @Test func datesWithAndWithoutTimezone() {
        let key = { (lexical: String, datatype: String) in OrderKey(T.typed(lexical, datatype)) }
        // A missing timezone reads as UTC; at the same instant the zoned value comes second.
        #expect(OrderKey.compare(key("2002-04-02T12:00:00", Self.dateTime), key("2002-04-02T12:00:00Z", Self.dateTime)) == .orderedAscending)
        #expect(OrderKey.compare(key("2002-04-02T13:00:00+02:00", Self.dateTime), key("2002-04-02T12:00:00", Self.dateTime)) == .orderedAscending)
        #expect(OrderKey.compare(key("2002-04-02T12:00:00.25Z", Self.dateTime), key("2002-04-02T12:00:00.5Z", Self.dateTime)) == .orderedAscending)
        #expect(OrderKey.compare(key("2002-04-02-05:00", Self.date), key("2002-04-02T23:00:00Z", Self.dateTime)) == .orderedDescending)
        #expect(OrderKey.compare(key("2002-04-02", Self.date), key("2002-04-02Z", Self.date)) == .orderedAscending)
    }
}
