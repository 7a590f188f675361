import RDF

/// SPARQL 1.1 Query Results TSV (https://www.w3.org/TR/sparql11-results-csv-tsv/ §4).
///
/// A header of variables as `?name`, then one line per solution, lines ending in LF. Terms are
/// in Turtle syntax (see `TurtleTermSpelling.tsv`: full IRIs, quoted and escaped literals with
/// language or datatype, integers, decimals and doubles bare when their lexical form allows),
/// so the format is lossless; an unbound variable is an empty field. ASK results are written as
/// a column `?_askResult` holding `true` or `false`.
public final class TSVResultWriter: ResultWriter {
    public var format: ResultFormat { .tsv }
    private let output: ResultOutput
    private var phase = WriterPhase(.tsv)
    private var width = 0
    private let spelling = TurtleTermSpelling.tsv

    public init(output: ResultOutput) { self.output = output }

    public func begin(variables: [Variable]) throws {
        try phase.enter(.solutions)
        width = variables.count
        output.write(variables.map { "?" + $0.name }.joined(separator: "\t") + "\n")
    }

    public func write(solution: [Term?]) throws {
        try phase.expectSolutions()
        var line = ""
        for index in 0..<width {
            if index > 0 { line += "\t" }
            if index < solution.count, let term = solution[index] { line += spelling.spell(term) }
        }
        output.write(line + "\n")
    }

    public func write(boolean: Bool) throws {
        try phase.enter(.boolean)
        output.write("?_askResult\n\(boolean)\n")
    }

    public func finish() throws {
        if phase.phase == .start { output.write("\n") }
        try phase.enter(.finished)
        output.flush()
    }
}
