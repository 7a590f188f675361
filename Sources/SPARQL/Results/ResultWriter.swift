import RDF

/// Writes query results as they are produced, in one format.
///
/// Drive a writer in one of three ways, then call `finish()` once:
/// - solutions: `begin(variables:)`, then `write(solution:)` for each row;
/// - a boolean: `write(boolean:)`;
/// - a graph: `write(triple:)` for each triple.
///
/// A row's terms line up with the variables given to `begin` (nil: unbound). Writers stream
/// where the format allows (JSON, XML, CSV, TSV, N-Triples…); `table` needs every row to size
/// its columns, so it writes on `finish()`. Output goes to a `ResultOutput`, flushed by `finish()`.
///
/// Make one with `ResultFormat.writer(to:options:)`; `write(_:)` writes a whole `QueryResult`.
public protocol ResultWriter: AnyObject {
    var format: ResultFormat { get }
    func begin(variables: [Variable]) throws
    func write(solution: [Term?]) throws
    func write(boolean: Bool) throws
    func write(triple: Triple) throws
    func finish() throws
}

extension ResultWriter {
    public func begin(variables: [Variable]) throws { throw ResultFormatError.unsupported(.solutions, in: format) }
    public func write(solution: [Term?]) throws { throw ResultFormatError.unsupported(.solutions, in: format) }
    public func write(boolean: Bool) throws { throw ResultFormatError.unsupported(.boolean, in: format) }
    public func write(triple: Triple) throws { throw ResultFormatError.unsupported(.graph, in: format) }

    /// Writes a whole result and finishes the document.
    public func write(_ result: QueryResult) throws {
        guard format.supports(result.kind) else { throw ResultFormatError.unsupported(result.kind, in: format) }
        switch result {
        case .solutions(let table):
            try begin(variables: table.variables)
            for row in table.rows { try write(solution: row) }
        case .boolean(let value):
            try write(boolean: value)
        case .graph(let triples):
            for triple in triples { try write(triple: triple) }
        }
        try finish()
    }
}

extension ResultFormat {
    /// A writer for this format, writing to `output`.
    public func writer(to output: ResultOutput, options: ResultWriterOptions = ResultWriterOptions()) -> any ResultWriter {
        switch self {
        case .json: JSONResultWriter(output: output)
        case .xml: XMLResultWriter(output: output)
        case .csv: CSVResultWriter(output: output)
        case .tsv: TSVResultWriter(output: output)
        case .table: TableResultWriter(output: output, options: options)
        case .ntriples, .nquads, .turtle, .rdfxml, .trig: GraphResultWriter(format: self, output: output, options: options)
        }
    }

    /// `result` written in this format, as text.
    public func serialize(_ result: QueryResult, options: ResultWriterOptions = ResultWriterOptions()) throws -> String {
        var text = ""
        let output = ResultOutput { text += $0 }
        try writer(to: output, options: options).write(result)
        return text
    }
}
