import Foundation
import RDF

/// The ORDER BY ordering (§15.1), also what MIN and MAX use (§18.5.1.7).
///
/// Unbound < blank nodes < IRIs < literals. Literals fall into groups, in this order:
/// numerics (by value, NaN first), simple literals and xsd:string (by code point), language-tagged
/// literals (by lexical form, then tag), booleans (false < true), xsd:dateTime, xsd:date (by
/// instant, a missing timezone read as UTC, which agrees with every order §17.3 can decide),
/// then everything else (unknown datatypes and ill-typed literals, by datatype IRI, then lexical
/// form). Ties of value (`1` and `1.0`) break by datatype, then lexical form, so the order is total:
/// `.orderedSame` means the same term.
public enum TermOrdering {
    public static func compare(_ a: Term?, _ b: Term?) -> ComparisonResult {
        guard let a else { return b == nil ? .orderedSame : .orderedAscending }
        guard let b else { return .orderedDescending }
        switch (a, b) {
        case (.blank(let x), .blank(let y)), (.iri(let x), .iri(let y)):
            return ValueComparison.codepointOrder(x, y)
        case (.literal(let x), .literal(let y)):
            return compare(x, y)
        default:
            return order(kindRank(a), kindRank(b))
        }
    }

    private static func kindRank(_ term: Term) -> Int {
        switch term {
        case .blank: 0
        case .iri: 1
        case .literal: 2
        }
    }

    private static func compare(_ x: Literal, _ y: Literal) -> ComparisonResult {
        let (u, v) = (LiteralValue(x), LiteralValue(y))
        let groups = order(group(u), group(v))
        if groups != .orderedSame { return groups }
        let byValue: ComparisonResult
        switch (u, v) {
        case (.numeric(let m), .numeric(let n)):
            switch (m.isNaN, n.isNaN) {
            case (true, true): byValue = .orderedSame
            case (true, false): byValue = .orderedAscending
            case (false, true): byValue = .orderedDescending
            case (false, false): byValue = NumericValue.compare(m, n) ?? .orderedSame
            }
        case (.string(let m), .string(let n)):
            byValue = ValueComparison.codepointOrder(m, n)
        case (.langString(let m, let l), .langString(let n, let k)):
            let lexical = ValueComparison.codepointOrder(m, n)
            byValue = lexical != .orderedSame ? lexical : ValueComparison.codepointOrder(l, k)
        case (.boolean(let m), .boolean(let n)):
            byValue = order(m ? 1 : 0, n ? 1 : 0)
        case (.dateTime(let m), .dateTime(let n)), (.date(let m), .date(let n)):
            let instants = m.instant().compare(to: n.instant())
            byValue = instants != .orderedSame ? instants : order(m.timezoneMinutes == nil ? 0 : 1, n.timezoneMinutes == nil ? 0 : 1)
        default:
            byValue = .orderedSame
        }
        if byValue != .orderedSame { return byValue }
        return compareSpelling(x, y)
    }

    /// The last tie-break between literals of equal value: datatype, lexical form, language, so
    /// that the order is total and does not depend on the order solutions arrive in.
    static func compareSpelling(_ x: Literal, _ y: Literal) -> ComparisonResult {
        let datatypes = ValueComparison.codepointOrder(x.datatype, y.datatype)
        if datatypes != .orderedSame { return datatypes }
        let lexicals = ValueComparison.codepointOrder(x.lexical, y.lexical)
        if lexicals != .orderedSame { return lexicals }
        return ValueComparison.codepointOrder(x.language ?? "", y.language ?? "")
    }

    private static func group(_ value: LiteralValue) -> Int {
        switch value {
        case .numeric: 0
        case .string: 1
        case .langString: 2
        case .boolean: 3
        case .dateTime: 4
        case .date: 5
        case .other: 6
        }
    }

    private static func order(_ x: Int, _ y: Int) -> ComparisonResult {
        x < y ? .orderedAscending : (x == y ? .orderedSame : .orderedDescending)
    }
}

private extension Decimal {
    func compare(to other: Decimal) -> ComparisonResult {
        self < other ? .orderedAscending : (self == other ? .orderedSame : .orderedDescending)
    }
}
