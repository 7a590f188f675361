import Foundation
import RDF
@testable import SPARQL
import Testing

@Suite("Expression ordering (ORDER BY)")
struct ExpressionOrderingTests {
    @Test func kindsInOrder() {
        let sorted: [Term?] = [nil, .blank("a"), .blank("b"), .iri("http://a"), .iri("http://b"), T.int(1)]
        for (i, a) in sorted.enumerated() {
            for (j, b) in sorted.enumerated() {
                let expected: ComparisonResult = i < j ? .orderedAscending : (i == j ? .orderedSame : .orderedDescending)
                #expect(TermOrdering.compare(a, b) == expected, "\(String(describing: a)) vs \(String(describing: b))")
            }
        }
    }

    @Test func literalsByValueWhereDefined() {
        #expect(TermOrdering.compare(T.int(2), T.int(10)) == .orderedAscending)
        #expect(TermOrdering.compare(T.dec("2.5"), T.int(2)) == .orderedDescending)
        #expect(TermOrdering.compare(T.dbl("1.0E2"), T.int(99)) == .orderedDescending)
        #expect(TermOrdering.compare(T.dbl("NaN"), T.int(-99)) == .orderedAscending)
        #expect(TermOrdering.compare(T.str("B"), T.str("a")) == .orderedAscending)
        #expect(TermOrdering.compare(T.false, T.true) == .orderedAscending)
        #expect(TermOrdering.compare(T.typed("2002-04-02T12:00:00Z", XSD.dateTime), T.typed("2002-04-02T13:00:00+02:00", XSD.dateTime)) == .orderedDescending)
    }

    @Test func totalOnTies() {
        // Equal values, different terms: never .orderedSame, and antisymmetric.
        let pairs: [(Term, Term)] = [
            (T.int(1), T.dec("1.0")), (T.int(1), T.typed("01", XSD.integer)), (T.int(1), T.dbl("1E0")),
            (T.lang("a", "en"), T.lang("a", "fr")), (T.typed("1", XSD.boolean), T.true),
        ]
        for (a, b) in pairs {
            let forward = TermOrdering.compare(a, b)
            #expect(forward != .orderedSame)
            #expect(TermOrdering.compare(b, a) == (forward == .orderedAscending ? .orderedDescending : .orderedAscending))
        }
        #expect(TermOrdering.compare(T.int(1), T.int(1)) == .orderedSame)
    }

    @Test func sortingIsConsistent() {
        let terms: [Term?] = [
            T.str("b"), T.int(3), .iri("http://z"), nil, T.lang("a", "en"), T.dec("2.5"), .blank("x"), T.true,
            T.typed("zz", "http://example/t"), T.dbl("NaN"), T.typed("abc", XSD.integer), T.str("a"), T.dbl("-1E0"),
            T.typed("2002-04-02T12:00:00Z", XSD.dateTime), T.false, T.int(1), T.dec("1.0"),
        ]
        let sorted = terms.sorted { TermOrdering.compare($0, $1) == .orderedAscending }
        #expect(sorted.first! == nil)
        #expect(sorted[1] == .blank("x"))
        #expect(sorted[2] == .iri("http://z"))
        #expect(Array(sorted[3...8]) == [T.dbl("NaN"), T.dbl("-1E0"), T.dec("1.0"), T.int(1), T.dec("2.5"), T.int(3)])
        // Every pair agrees with the sorted order (transitivity and antisymmetry).
        for i in sorted.indices {
            for j in sorted.indices where i < j {
                #expect(TermOrdering.compare(sorted[i], sorted[j]) == .orderedAscending)
                #expect(TermOrdering.compare(sorted[j], sorted[i]) == .orderedDescending)
            }
        }
    }
}
