import ArgumentParser
import RDFSyntax

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Parse a document and write it in another syntax, without a store (like rapper).",
        discussion: """
            Reads exactly as `publish` does (same parser, same checks of syntax and encoding), \
            so it tells whether a file would publish. A syntax error goes to stderr with the \
            file, line and column, and the exit status is non-zero.
            """
    )

    @OptionGroup var parsing: ParseArguments

    @Option(help: "Output format.")
    var format: OutputFormat = .nquads

    @Argument(help: "The RDF file, or - for standard input.", completion: .file())
    var file: String

    func run() throws {
        try reportingErrors {
            let output = StandardOutput()
            let serializer = RDFSerializer(format: format) { output.write($0) }
            // Quads are written as they are parsed; an error part-way leaves partial output,
            // as with rapper, but the exit status says it failed.
            try RDFParser.parse(file == "-" ? .standardInput : .file(file), options: parsing.options) { quads in
                try serializer.serialize(quads)
            }
            try serializer.finish()
            output.flush()
        }
    }
}
