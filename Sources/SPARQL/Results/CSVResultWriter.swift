import RDF

/// SPARQL 1.1 Query Results CSV (https://www.w3.org/TR/sparql11-results-csv-tsv/ §3).
///
/// A header of variable names (no `?`), then one line per solution, every line ending in CRLF.
/// Values are plain strings: an IRI as itself, a literal's lexical form (language and datatype
/// are lost), a blank node as `_:label`, an unbound variable as an empty field. A field holding
/// `"`, `,`, CR or LF is quoted, with `"` doubled (RFC 4180); so is one with leading or trailing
/// spaces, and an empty string literal is written `""` so that it reads back apart from unbound.
/// ASK results are written as a column `_askResult` holding `true` or `false`.
public final class CSVResultWriter: ResultWriter {
    public var format: ResultFormat { .csv }
    private let output: ResultOutput
    private var phase = WriterPhase(.csv)
    private var width = 0

    public init(output: ResultOutput) { self.output = output }

    public func begin(variables: [Variable]) throws {
        try phase.enter(.solutions)
        width = variables.count
        output.write(variables.map { Self.field($0.name) }.joined(separator: ",") + "\r\n")
    }

    public func write(solution: [Term?]) throws {
        try phase.expectSolutions()
        var line = ""
        for index in 0..<width {
            if index > 0 { line += "," }
            if index < solution.count, let term = solution[index] { line += Self.field(for: term) }
        }
        output.write(line + "\r\n")
    }

    public func write(boolean: Bool) throws {
        try phase.enter(.boolean)
        output.write("_askResult\r\n\(boolean)\r\n")
    }

    public func finish() throws {
        if phase.phase == .start { output.write("\r\n") }
        try phase.enter(.finished)
        output.flush()
    }

    /// The CSV field for a term.
    public static func field(for term: Term) -> String {
        switch term {
        case .iri(let iri): field(iri)
        case .blank(let label): field("_:" + label)
        case .literal(let literal): literal.lexical.isEmpty ? "\"\"" : field(literal.lexical)
        }
    }

    /// `value` as a CSV field, quoted when it has to be.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "\"" || $0 == "," || $0 == "\r" || $0 == "\n" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
