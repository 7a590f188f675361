import RDF
import RDFSyntax

/// CONSTRUCT and DESCRIBE results in an RDF syntax, written by Raptor through `RDFSerializer`.
///
/// Turtle, TriG and RDF/XML declare `options.prefixes`. Triples stream to the output as Raptor
/// writes them (Turtle and RDF/XML serializers may hold some back to group them).
public final class GraphResultWriter: ResultWriter {
    public let format: ResultFormat
    private let output: ResultOutput
    private let serializer: RDFSerializer
    private var phase: WriterPhase

    /// - Parameter format: one of the graph formats (`format.graphFormat` is not nil).
    public init(format: ResultFormat, output: ResultOutput, options: ResultWriterOptions = ResultWriterOptions()) {
        precondition(format.graphFormat != nil, "\(format.rawValue) is not an RDF syntax")
        self.format = format
        self.output = output
        self.phase = WriterPhase(format)
        self.serializer = RDFSerializer(format: format.graphFormat!, prefixes: options.prefixes) { bytes in
            output.write(bytes: bytes)
        }
    }

    public func write(triple: Triple) throws {
        try phase.enter(.graph)
        try serializer.serialize(Quad(triple))
    }

    public func finish() throws {
        try phase.enter(.finished)
        try serializer.finish()
        output.flush()
    }
}
