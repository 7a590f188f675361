import Foundation
import RDF

/// The comparison operators of §17.3: `=` and `!=` (value equality where the operands' types
/// define it, else RDFterm-equal), and `<`, `>`, `<=`, `>=` on numerics, strings, booleans and
/// date-times.
enum ValueComparison {
    /// `a = b`. Throws where SPARQL has no answer: two different literals at least one of which
    /// has a datatype the operators do not interpret (or an ill-typed lexical form), and date-times
    /// whose order depends on a missing timezone.
    static func equal(_ a: Term, _ b: Term) throws -> Bool {
        guard case .literal(let x) = a, case .literal(let y) = b else { return identical(a, b) }
        switch (LiteralValue(x), LiteralValue(y)) {
        case (.numeric(let m), .numeric(let n)):
            return NumericValue.compare(m, n) == .orderedSame
        case (.string(let m), .string(let n)):
            return m.utf8.elementsEqual(n.utf8)
        case (.langString(let m, let l), .langString(let n, let k)):
            return l == k && m.utf8.elementsEqual(n.utf8)
        case (.boolean(let m), .boolean(let n)):
            return m == n
        case (.dateTime(let m), .dateTime(let n)), (.date(let m), .date(let n)):
            guard let order = DateTimeValue.compare(m, n) else {
                throw ExpressionError("date-times \(a) and \(b) are not comparable")
            }
            return order == .orderedSame
        case (.other, _), (_, .other):
            if identical(a, b) { return true }
            throw ExpressionError("cannot tell whether \(a) and \(b) are equal")
        default:
            // Both interpreted, in different value spaces.
            return false
        }
    }

    /// The order of `a` and `b` for `<`, `>`, `<=`, `>=`: nil when unordered (NaN), which makes all
    /// four false. Throws for operands the operators do not order.
    static func compare(_ a: Term, _ b: Term) throws -> ComparisonResult? {
        if case .literal(let x) = a, case .literal(let y) = b {
            switch (LiteralValue(x), LiteralValue(y)) {
            case (.numeric(let m), .numeric(let n)):
                return NumericValue.compare(m, n)
            case (.string(let m), .string(let n)):
                return codepointOrder(m, n)
            case (.boolean(let m), .boolean(let n)):
                return m == n ? .orderedSame : (m ? .orderedDescending : .orderedAscending)
            case (.dateTime(let m), .dateTime(let n)), (.date(let m), .date(let n)):
                guard let order = DateTimeValue.compare(m, n) else {
                    throw ExpressionError("date-times \(a) and \(b) are not comparable")
                }
                return order
            default:
                break
            }
        }
        throw ExpressionError("cannot compare \(a) and \(b)")
    }

    /// sameTerm: the same kind, the same code points, the same datatype and language.
    /// (Swift's `String ==` identifies canonically equivalent strings, which RDF does not.)
    static func identical(_ a: Term, _ b: Term) -> Bool {
        switch (a, b) {
        case (.iri(let x), .iri(let y)), (.blank(let x), .blank(let y)):
            return x.utf8.elementsEqual(y.utf8)
        case (.literal(let x), .literal(let y)):
            return x.datatype == y.datatype && x.language == y.language && x.lexical.utf8.elementsEqual(y.lexical.utf8)
        default:
            return false
        }
    }

    /// Code point order (which UTF-8 byte order preserves).
    static func codepointOrder(_ a: String, _ b: String) -> ComparisonResult {
        if a.utf8.elementsEqual(b.utf8) { return .orderedSame }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? .orderedAscending : .orderedDescending
    }
}
