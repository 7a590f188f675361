import Foundation
import RDF
import RDFSyntax

/// Decides whether two query results are the same answer, and explains how they differ.
///
/// - Solutions are compared as multisets (or, with `ordered`, as sequences) of partial
///   functions from variables to terms. Columns are matched by variable name; a variable that is
///   never bound on either side does not matter, so a head listing it or not makes no difference.
/// - Blank nodes match blank nodes under one bijection of labels that holds across the whole
///   result, not row by row: `_:a` in two solutions must meet the same blank node in both.
///   Solutions without blank nodes are counted directly; the others are split into components
///   of connected blank nodes and matched by `BlankSolutionMatcher` (canonical forms for small
///   components, `DatasetIsomorphism`'s refinement and backtracking search for large ones).
///   Ordered comparison pairs solutions by position and needs no search.
/// - Booleans are equal or not; graphs are compared with `DatasetIsomorphism`.
///
/// Terms otherwise compare exactly (`Mode.exact`), which suits results read from JSON, XML or
/// TSV. Results read from CSV have lost term kinds, datatypes and language tags; compare them in
/// `Mode.lenientLexical`.
public enum ResultComparison {
    public enum Mode: Sendable {
        /// Terms are equal only when they are the same term.
        case exact
        /// For CSV (and TSV) expectations, where types are lost or spelled differently: an IRI
        /// or literal compares by its text alone (the IRI, or the lexical form: no kind, language
        /// or datatype), except that texts that read as numbers (`4`, `-3`, `5.5`, `1.0E6`,
        /// `INF`, `NaN`) compare by value, so `"1.0e6"^^xsd:double` matches `"1.0E6"` and `"4"`
        /// matches `4`. Blank nodes still match only blank nodes, under the bijection.
        case lenientLexical
    }

    public static func equivalent(expected: QueryResult, actual: QueryResult, ordered: Bool, mode: Mode = .exact) -> Bool {
        switch (expected, actual) {
        case (.boolean(let a), .boolean(let b)):
            return a == b
        case (.graph(let a), .graph(let b)):
            return DatasetIsomorphism.areIsomorphic(a.map { Quad($0) }, b.map { Quad($0) })
        case (.solutions(let a), .solutions(let b)):
            let (left, right) = Aligned.pair(a, b, mode: mode)
            return ordered ? sequencesMatch(left.keys, right.keys) : multisetsMatch(left.keys, right.keys)
        default:
            return false
        }
    }

    /// What differs, one finding per line, at most `limit` lines; empty exactly when the results
    /// are `equivalent`. Solutions are shown as `{?x=<…> ?y="…"}`; where blank nodes are
    /// involved, solutions are compared by shape (labels hidden as `_:*`).
    public static func differences(expected: QueryResult, actual: QueryResult, ordered: Bool, mode: Mode = .exact, limit: Int = 10) -> [String] {
        if equivalent(expected: expected, actual: actual, ordered: ordered, mode: mode) { return [] }
        var lines: [String] = []
        switch (expected, actual) {
        case (.boolean(let a), .boolean(let b)):
            lines = ["expected \(a), got \(b)"]
        case (.graph(let a), .graph(let b)):
            lines = DatasetIsomorphism.differences(expected: a.map { Quad($0) }, actual: b.map { Quad($0) }, limit: limit)
        case (.solutions(let a), .solutions(let b)):
            lines = solutionDifferences(a, b, ordered: ordered, mode: mode)
        default:
            lines = ["expected \(expected.kind.rawValue) results, got \(actual.kind.rawValue) results"]
        }
        if lines.isEmpty { lines = ["the results differ"] }
        return Array(lines.prefix(limit)) + (lines.count > limit ? ["… \(lines.count - limit) more"] : [])
    }

    // MARK: - Solutions

    /// Two tables over the union of their variables (sorted by name), with each term replaced by
    /// its comparison key (`mode`) and the original rows kept for messages.
    private struct Aligned {
        let variables: [Variable]
        let keys: [[Term?]]
        let rows: [[Term?]]

        static func pair(_ a: SolutionTable, _ b: SolutionTable, mode: Mode) -> (Aligned, Aligned) {
            let variables = Set(a.variables + b.variables).sorted()
            return (Aligned(a, variables: variables, mode: mode), Aligned(b, variables: variables, mode: mode))
        }

        init(_ table: SolutionTable, variables: [Variable], mode: Mode) {
            self.variables = variables
            var column: [Variable: Int] = [:]
            for (index, variable) in table.variables.enumerated() where column[variable] == nil { column[variable] = index }
            let positions = variables.map { column[$0] }
            rows = table.rows.map { row in positions.map { $0.flatMap { $0 < row.count ? row[$0] : nil } } }
            keys = mode == .exact ? rows : rows.map { $0.map { $0.map(ResultComparison.lenientKey) } }
        }

        func bound() -> [Variable] {
            variables.indices.filter { index in keys.contains { $0[index] != nil } }.map { variables[$0] }
        }
    }

    private static func hasBlank(_ row: [Term?]) -> Bool {
        row.contains { $0?.isBlank == true }
    }

    private static func multisetsMatch(_ a: [[Term?]], _ b: [[Term?]]) -> Bool {
        guard a.count == b.count else { return false }
        var ground: [[Term?]: Int] = [:]
        var blankA: [[Term?]] = []
        var blankB: [[Term?]] = []
        for row in a {
            if hasBlank(row) { blankA.append(row) } else { ground[row, default: 0] += 1 }
        }
        for row in b {
            if hasBlank(row) {
                blankB.append(row)
            } else {
                guard let count = ground[row], count > 0 else { return false }
                ground[row] = count - 1
            }
        }
        guard blankA.count == blankB.count else { return false }
        if blankA.isEmpty { return true }
        return BlankSolutionMatcher.match(blankA, blankB)
    }

    private static func sequencesMatch(_ a: [[Term?]], _ b: [[Term?]]) -> Bool {
        guard a.count == b.count else { return false }
        var forward: [String: String] = [:]
        var backward: [String: String] = [:]
        for (left, right) in zip(a, b) {
            for (x, y) in zip(left, right) {
                switch (x, y) {
                case (nil, nil):
                    continue
                case (.blank(let l)?, .blank(let r)?):
                    if let mapped = forward[l], mapped != r { return false }
                    if let mapped = backward[r], mapped != l { return false }
                    forward[l] = r
                    backward[r] = l
                default:
                    if x != y { return false }
                }
            }
        }
        return true
    }

    private static func solutionDifferences(_ a: SolutionTable, _ b: SolutionTable, ordered: Bool, mode: Mode) -> [String] {
        let (expected, actual) = Aligned.pair(a, b, mode: mode)
        var lines: [String] = []
        let boundExpected = expected.bound()
        let boundActual = actual.bound()
        if boundExpected != boundActual {
            lines.append("bound variables: expected \(spell(boundExpected)), got \(spell(boundActual))")
        }
        if expected.rows.count != actual.rows.count {
            lines.append("expected \(count(expected.rows.count)), got \(count(actual.rows.count))")
        }
        // Solutions by shape: their keys with blank node labels hidden.
        func shape(_ row: [Term?]) -> [Term?] { row.map { $0?.isBlank == true ? .blank("*") : $0 } }
        var expectedShapes: [[Term?]: (count: Int, example: Int)] = [:]
        var actualShapes: [[Term?]: (count: Int, example: Int)] = [:]
        var shapeOrder: [[Term?]] = []
        for (index, row) in expected.keys.enumerated() {
            let key = shape(row)
            if expectedShapes[key] == nil { shapeOrder.append(key) }
            expectedShapes[key, default: (0, index)].count += 1
        }
        var actualOrder: [[Term?]] = []
        for (index, row) in actual.keys.enumerated() {
            let key = shape(row)
            if actualShapes[key] == nil { actualOrder.append(key) }
            actualShapes[key, default: (0, index)].count += 1
        }
        func times(_ n: Int) -> String { n == 1 ? "" : " (×\(n))" }
        for key in shapeOrder {
            let entry = expectedShapes[key]!
            let missing = entry.count - (actualShapes[key]?.count ?? 0)
            if missing > 0 { lines.append("missing\(times(missing)): \(spell(expected.rows[entry.example], expected.variables))") }
        }
        for key in actualOrder {
            let entry = actualShapes[key]!
            let extra = entry.count - (expectedShapes[key]?.count ?? 0)
            if extra > 0 { lines.append("unexpected\(times(extra)): \(spell(actual.rows[entry.example], actual.variables))") }
        }
        let sameShapes = expectedShapes.mapValues(\.count) == actualShapes.mapValues(\.count)
        if sameShapes && ordered {
            if let index = expected.keys.indices.first(where: { shape(expected.keys[$0]) != shape(actual.keys[$0]) }) {
                lines.append("same solutions in another order; first at solution \(index + 1): expected \(spell(expected.rows[index], expected.variables)), got \(spell(actual.rows[index], actual.variables))")
            }
        }
        if sameShapes && lines.isEmpty {
            lines.append("same solutions up to blank node labels, but the blank nodes are shared differently between solutions")
        }
        return lines
    }

    private static func count(_ n: Int) -> String { n == 1 ? "1 solution" : "\(n) solutions" }

    private static func spell(_ variables: [Variable]) -> String {
        variables.isEmpty ? "none" : variables.map(\.description).joined(separator: " ")
    }

    private static func spell(_ row: [Term?], _ variables: [Variable]) -> String {
        let pairs = zip(variables, row).compactMap { variable, term in term.map { "\(variable)=\(NTriples.format($0))" } }
        return "{" + pairs.joined(separator: " ") + "}"
    }

    // MARK: - Lenient keys

    /// The key a term compares by in `lenientLexical` mode: its text, or its numeric value.
    static func lenientKey(_ term: Term) -> Term {
        let text: String
        switch term {
        case .blank: return term
        case .iri(let iri): text = iri
        case .literal(let literal): text = literal.lexical
        }
        if let number = canonicalNumber(text) { return .literal("n:" + number) }
        return .literal("s:" + text)
    }

    /// A canonical spelling of a numeric lexical form (XSD integer, decimal, float or double,
    /// including `INF`, `-INF` and `NaN`), or nil when `text` is not one.
    static func canonicalNumber(_ text: String) -> String? {
        switch text {
        case "INF", "+INF": return "INF"
        case "-INF": return "-INF"
        case "NaN": return "NaN"
        default: break
        }
        guard isNumeric(text) else { return nil }
        if let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !decimal.isNaN {
            return decimal.isZero ? "0" : "\(decimal)"
        }
        guard let double = Double(text) else { return nil }
        return double.isInfinite ? (double < 0 ? "-INF" : "INF") : "\(double)"
    }

    /// `[+-]? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?`
    private static func isNumeric(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func digits() -> Int {
            let count = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(count)
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
