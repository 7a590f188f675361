import Foundation
import RDF

/// A term decoded once for ORDER BY: its place among the groups of `TermOrdering` and its value
/// (number, instant, boolean), so that sorting compares fields instead of re-parsing both
/// literals in every comparison (an xsd:date was parsed, and its instant computed in `Decimal`,
/// twice per comparison).
///
/// `OrderKey.compare(OrderKey(a), OrderKey(b))` equals `TermOrdering.compare(a, b)` for every
/// pair of terms (the tests check this pairwise): `TermOrdering` stays the specification, this is
/// its precomputed form. A key depends only on its term, so the engine keeps one per store id.
/// A class, so that handing a key from the cache to a sort and between buffers is one reference
/// count, not one per string inside the term.
final class OrderKey {
    /// The value a literal is ordered by within its group, decoded once.
    enum Value {
        /// Terms ordered by their spelling only (IRIs, blank nodes, strings, other literals).
        case none
        case integer(Int)
        case number(NumericValue, isNaN: Bool)
        case boolean(Bool)
        /// An instant with no fractional seconds, in whole seconds (the common case), exact.
        case wholeInstant(Int, zoned: Bool)
        case instant(Decimal, zoned: Bool)
    }

    /// Blank nodes 0, IRIs 1, literals 2 + their `TermOrdering` group (numerics, strings,
    /// language-tagged, booleans, dateTimes, dates, other).
    let rank: UInt8
    let term: Term
    let value: Value

    init(_ term: Term) {
        self.term = term
        switch term {
        case .blank:
            (rank, value) = (0, .none)
        case .iri:
            (rank, value) = (1, .none)
        case .literal(let literal):
            switch LiteralValue(literal) {
            case .numeric(.integer(let number)): (rank, value) = (2, .integer(number))
            case .numeric(let number): (rank, value) = (2, .number(number, isNaN: number.isNaN))
            case .string: (rank, value) = (3, .none)
            case .langString: (rank, value) = (4, .none)
            case .boolean(let flag): (rank, value) = (5, .boolean(flag))
            case .dateTime(let date): (rank, value) = (6, Self.instant(date))
            case .date(let date): (rank, value) = (7, Self.instant(date))
            case .other: (rank, value) = (8, .none)
            }
        }
    }

    /// `TermOrdering`'s key for date-times: the instant with a missing timezone read as UTC, and
    /// whether a timezone was written (which breaks ties of instant).
    private static func instant(_ date: DateTimeValue) -> Value {
        let zoned = date.timezoneMinutes != nil
        let instant = date.instant()
        // With whole seconds the instant is an integer, and `Int` compares it as `Decimal` would.
        let second = NSDecimalNumber(decimal: date.second).intValue
        if Decimal(second) == date.second {
            let clockSeconds = DateTimeValue.days(year: date.year, month: date.month, day: date.day) * 86_400
                + date.hour * 3_600 + date.minute * 60 - (date.timezoneMinutes ?? 0) * 60
            let (whole, overflow) = clockSeconds.addingReportingOverflow(second)
            if !overflow { return .wholeInstant(whole, zoned: zoned) }
        }
        return .instant(instant, zoned: zoned)
    }

    /// The ORDER BY order of two keys, nil being unbound (first).
    static func compare(_ a: OrderKey?, _ b: OrderKey?) -> ComparisonResult {
        guard let a else { return b == nil ? .orderedSame : .orderedAscending }
        guard let b else { return .orderedDescending }
        if a.rank != b.rank { return a.rank < b.rank ? .orderedAscending : .orderedDescending }
        switch (a.term, b.term) {
        case (.blank(let x), .blank(let y)), (.iri(let x), .iri(let y)):
            return ValueComparison.codepointOrder(x, y)
        case (.literal(let x), .literal(let y)):
            let byValue = compareValues(a.value, b.value, rank: a.rank, x, y)
            if byValue != .orderedSame { return byValue }
            return TermOrdering.compareSpelling(x, y)
        default:
            return .orderedSame  // unreachable: equal ranks mean equal kinds
        }
    }

    /// The comparison within one literal group, before the datatype / lexical tie-breaks.
    private static func compareValues(_ u: Value, _ v: Value, rank: UInt8, _ x: Literal, _ y: Literal) -> ComparisonResult {
        switch (u, v) {
        case (.integer(let m), .integer(let n)):
            return order(m, n)
        case (.none, .none):
            // Strings by lexical form, language-tagged literals by lexical form then tag; other
            // literals (rank 8) tie here and fall to the datatype / lexical tie-breaks.
            if rank == 3 || rank == 4 {
                let lexical = ValueComparison.codepointOrder(x.lexical, y.lexical)
                if lexical != .orderedSame || rank == 3 { return lexical }
                return ValueComparison.codepointOrder(x.language ?? "", y.language ?? "")
            }
            return .orderedSame
        case (.boolean(let m), .boolean(let n)):
            return order(m ? 1 : 0, n ? 1 : 0)
        case (.wholeInstant(let m, let p), .wholeInstant(let n, let q)):
            let instants = order(m, n)
            return instants != .orderedSame ? instants : order(p ? 1 : 0, q ? 1 : 0)
        default:
            if case let (m, p)? = instant(u), case let (n, q)? = instant(v) {
                let instants = m < n ? ComparisonResult.orderedAscending : (m == n ? .orderedSame : .orderedDescending)
                return instants != .orderedSame ? instants : order(p ? 1 : 0, q ? 1 : 0)
            }
            guard let m = number(u), let n = number(v) else { return .orderedSame }
            switch (m.isNaN, n.isNaN) {
            case (true, true): return .orderedSame
            case (true, false): return .orderedAscending
            case (false, true): return .orderedDescending
            case (false, false): return NumericValue.compare(m.value, n.value) ?? .orderedSame
            }
        }
    }

    private static func instant(_ value: Value) -> (Decimal, Bool)? {
        switch value {
        case .wholeInstant(let seconds, let zoned): (Decimal(seconds), zoned)
        case .instant(let seconds, let zoned): (seconds, zoned)
        default: nil
        }
    }

    private static func number(_ value: Value) -> (value: NumericValue, isNaN: Bool)? {
        switch value {
        case .integer(let number): (.integer(number), false)
        case .number(let number, let isNaN): (number, isNaN)
        default: nil
        }
    }

    private static func order(_ x: Int, _ y: Int) -> ComparisonResult {
        x < y ? .orderedAscending : (x == y ? .orderedSame : .orderedDescending)
    }
}
