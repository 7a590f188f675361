import RDF

/// Spells terms in Turtle/SPARQL syntax, as TSV results and the `table` format show them.
///
/// Always valid Turtle: IRIs as `<…>` (or `prefix:local` when a prefix fits and the local part
/// needs no escaping), blank nodes as `_:label`, literals quoted and escaped as N-Triples does
/// (so tabs and line breaks never appear raw) with `@lang` or `^^datatype` (none for
/// `xsd:string`). With `abbreviateNumbers`, `xsd:integer`, `xsd:decimal` and `xsd:double`
/// literals whose lexical form is a Turtle number token are written bare (`4`, `5.5`, `1.0e6`),
/// as the TSV specification allows; `abbreviateBooleans` does the same for `true` and `false`.
public struct TurtleTermSpelling: Sendable {
    public var prefixes: [(prefix: String, namespace: String)]
    public var abbreviateNumbers: Bool
    public var abbreviateBooleans: Bool

    public init(prefixes: [(prefix: String, namespace: String)] = [], abbreviateNumbers: Bool = true, abbreviateBooleans: Bool = false) {
        // Longest namespace first, so the most specific prefix wins.
        self.prefixes = prefixes.sorted { $0.namespace.count > $1.namespace.count }
        self.abbreviateNumbers = abbreviateNumbers
        self.abbreviateBooleans = abbreviateBooleans
    }

    /// The spelling TSV results use: full IRIs, bare numbers.
    public static let tsv = TurtleTermSpelling()

    public func spell(_ term: Term) -> String {
        switch term {
        case .iri(let iri):
            return iriSpelling(iri)
        case .blank(let label):
            return "_:" + label
        case .literal(let literal):
            if let language = literal.language {
                return "\"\(NTriples.escapeString(literal.lexical))\"@\(language)"
            }
            switch literal.datatype {
            case XSD.string:
                return "\"\(NTriples.escapeString(literal.lexical))\""
            case XSD.integer where abbreviateNumbers && Self.isTurtleInteger(literal.lexical),
                 XSD.decimal where abbreviateNumbers && Self.isTurtleDecimal(literal.lexical),
                 XSD.double where abbreviateNumbers && Self.isTurtleDouble(literal.lexical):
                return literal.lexical
            case XSD.boolean where abbreviateBooleans && (literal.lexical == "true" || literal.lexical == "false"):
                return literal.lexical
            default:
                return "\"\(NTriples.escapeString(literal.lexical))\"^^\(iriSpelling(literal.datatype))"
            }
        }
    }

    private func iriSpelling(_ iri: String) -> String {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.dropFirst(namespace.count)
            if Self.isSimpleLocalName(local) { return prefix + ":" + local }
        }
        return "<\(NTriples.escapeIRI(iri))>"
    }

    /// A conservative PN_LOCAL: letters, digits, `_`, `-` and inner dots, not starting with `-`
    /// or `.`; anything fancier is left as a full IRI.
    static func isSimpleLocalName(_ local: Substring) -> Bool {
        guard let first = local.unicodeScalars.first else { return true }
        if first == "-" || first == "." || local.last == "." { return false }
        return local.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic && scalar.value < 0x2000) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-" || scalar == "."
        }
    }

    /// Turtle INTEGER: `[+-]?[0-9]+`.
    public static func isTurtleInteger(_ text: String) -> Bool {
        let digits = text.utf8.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        return text.utf8.count - digits.count <= 1 && !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// Turtle DECIMAL: `[+-]?[0-9]*\.[0-9]+`.
    public static func isTurtleDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let whole = bytes[..<dot]
        let fraction = bytes[bytes.index(after: dot)...]
        return whole.allSatisfy(isDigit) && !fraction.isEmpty && fraction.allSatisfy(isDigit)
    }

    /// Turtle DOUBLE: `[+-]?([0-9]+\.[0-9]*EXPONENT | \.[0-9]+EXPONENT | [0-9]+EXPONENT)`.
    public static func isTurtleDouble(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return false }
        let mantissa = bytes[..<e]
        var exponent = bytes[bytes.index(after: e)...]
        if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
        guard !exponent.isEmpty, exponent.allSatisfy(isDigit) else { return false }
        let parts = mantissa.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 1 { return !parts[0].isEmpty && parts[0].allSatisfy(isDigit) }
        guard parts[0].allSatisfy(isDigit), parts[1].allSatisfy(isDigit) else { return false }
        return !parts[0].isEmpty || !parts[1].isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
