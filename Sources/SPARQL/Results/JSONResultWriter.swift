import Foundation
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

    /// A JSON string literal holding `string`. N-Triples escapes strings exactly as JSON does
    /// (quote, backslash, the short escapes, `\uXXXX` for other controls); JSON text embedded in
    /// JavaScript also needs U+2028 and U+2029 escaped.
    public static func quote(_ string: String) -> String {
        let escaped = NTriples.escapeString(string)
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return "\"" + escaped + "\""
    }
}
