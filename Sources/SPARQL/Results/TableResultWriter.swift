import RDF

/// An aligned, human-readable table for terminals (write-only).
///
///     ┌──────────┬──────────────┐
///     │ ?s       │ ?title       │
///     ├──────────┼──────────────┤
///     │ ex:alice │ "Wonderland" │
///     └──────────┴──────────────┘
///     1 result
///
/// Terms are in compact Turtle form: IRIs abbreviated with `options.prefixes` where they fit,
/// numbers and booleans bare, strings quoted and escaped (so a cell is always one line).
/// Unbound cells are empty. Columns are as wide as their widest value (counting East Asian wide
/// characters as two), or `options.maxCellWidth` with longer values cut. The table needs every
/// row before it can size its columns, so it is written on `finish()`. Graphs are shown as
/// subject/predicate/object rows; ASK results as `true` or `false`.
public final class TableResultWriter: ResultWriter {
    public var format: ResultFormat { .table }
    private let output: ResultOutput
    private let options: ResultWriterOptions
    private let spelling: TurtleTermSpelling
    private var phase = WriterPhase(.table)
    private var headers: [String] = []
    private var cells: [[String]] = []

    public init(output: ResultOutput, options: ResultWriterOptions = ResultWriterOptions()) {
        self.output = output
        self.options = options
        self.spelling = TurtleTermSpelling(prefixes: options.prefixes, abbreviateNumbers: true, abbreviateBooleans: true)
    }

    public func begin(variables: [Variable]) throws {
        try phase.enter(.solutions)
        headers = variables.map(\.description)
    }

    public func write(solution: [Term?]) throws {
        try phase.expectSolutions()
        cells.append(headers.indices.map { index in
            index < solution.count ? solution[index].map(spelling.spell) ?? "" : ""
        })
    }

    public func write(boolean: Bool) throws {
        try phase.enter(.boolean)
        output.write("\(boolean)\n")
    }

    public func write(triple: Triple) throws {
        if phase.phase == .start { headers = ["subject", "predicate", "object"] }
        try phase.enter(.graph)
        cells.append([triple.subject, triple.predicate, triple.object].map(spelling.spell))
    }

    public func finish() throws {
        let before = phase.phase
        try phase.enter(.finished)
        switch before {
        case .start:
            output.write("0 results\n")
        case .solutions:
            writeTable()
            output.write(cells.count == 1 ? "1 result\n" : "\(cells.count) results\n")
        case .graph:
            writeTable()
            output.write(cells.count == 1 ? "1 triple\n" : "\(cells.count) triples\n")
        default:
            break
        }
        output.flush()
    }

    private func writeTable() {
        guard !headers.isEmpty else { return }
        if let limit = options.maxCellWidth.map({ max(2, $0) }) {
            cells = cells.map { $0.map { TerminalWidth.truncate($0, to: limit) } }
        }
        var widths = headers.map(TerminalWidth.of)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], TerminalWidth.of(cell)) }
        }
        let unicode = options.tableStyle == .unicode
        let bar = unicode ? "│" : "|"
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            let line = unicode ? "─" : "-"
            return left + widths.map { String(repeating: line, count: $0 + 2) }.joined(separator: middle) + right + "\n"
        }
        func line(_ values: [String]) -> String {
            let padded = values.enumerated().map { index, value in
                " " + value + String(repeating: " ", count: widths[index] - TerminalWidth.of(value)) + " "
            }
            return bar + padded.joined(separator: bar) + bar + "\n"
        }
        output.write(unicode ? rule("┌", "┬", "┐") : rule("+", "+", "+"))
        output.write(line(headers))
        output.write(unicode ? rule("├", "┼", "┤") : rule("+", "+", "+"))
        for row in cells { output.write(line(row)) }
        output.write(unicode ? rule("└", "┴", "┘") : rule("+", "+", "+"))
    }
}
