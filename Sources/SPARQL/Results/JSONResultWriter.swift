import RDF

/// SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/).
///
/// One solution per line. Terms are `uri`, `literal` (with `xml:lang`, or `datatype` unless it
/// is `xsd:string`: RDF 1.1 simple literals carry none) and `bnode` (the label, without `_:`).
/// Unbound variables are left out of their solution. Strings are escaped as JSON requires, plus
/// U+2028 and U+2029 so the output is also valid JavaScript; other characters stay UTF-8.
public final class JSONResultWriter: ResultWriter {
    public var format: ResultFormat { .json }
    private let output: ResultOutput
    private var phase = WriterPhase(.json)
    private var variables: [Variable] = []
    /// The variable names already quoted, in column order.
    private var keys: [String] = []
    private var rows = 0

    public init(output: ResultOutput) { self.output = output }

    public func begin(variables: [Variable]) throws {
        try phase.enter(.solutions)
        self.variables = variables
        keys = variables.map { Self.quote($0.name) }
        output.write("{\n  \"head\": {\"vars\": [\(keys.joined(separator: ", "))]},\n  \"results\": {\"bindings\": [")
    }

    public func write(solution: [Term?]) throws {
        try phase.expectSolutions()
        var line = rows == 0 ? "\n    {" : ",\n    {"
        var first = true
        for (index, key) in keys.enumerated() {
            guard index < solution.count, let term = solution[index] else { continue }
            line += first ? "" : ", "
            first = false
            line += key + ": " + Self.encode(term)
        }
        output.write(line + "}")
        rows += 1
    }

    public func write(boolean: Bool) throws {
        try phase.enter(.boolean)
        output.write("{\n  \"head\": {},\n  \"boolean\": \(boolean)\n}\n")
    }

    public func finish() throws {
        let before = phase.phase
        try phase.enter(.finished)
        switch before {
        case .start:
            output.write("{\n  \"head\": {\"vars\": []},\n  \"results\": {\"bindings\": []}\n}\n")
        case .solutions:
            output.write(rows == 0 ? "]}\n}\n" : "\n  ]}\n}\n")
        default:
            break
        }
        output.flush()
    }

    /// One RDF term as a JSON object.
    public static func encode(_ term: Term) -> String {
        switch term {
        case .iri(let iri):
            return "{\"type\": \"uri\", \"value\": \(quote(iri))}"
        case .blank(let label):
            return "{\"type\": \"bnode\", \"value\": \(quote(label))}"
        case .literal(let literal):
            var text = "{\"type\": \"literal\", \"value\": \(quote(literal.lexical))"
            if let language = literal.language {
                text += ", \"xml:lang\": \(quote(language))"
            } else if literal.datatype != XSD.string {
                text += ", \"datatype\": \(quote(literal.datatype))"
            }
            return text + "}"
        }
    }

    /// A JSON string literal holding `string`.
    public static func quote(_ string: String) -> String {
        var out = "\""
        out.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
