import ArgumentParser
import RDFSyntax

extension Syntax: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension OutputFormat: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Options for reading documents, shared by `publish` and `convert` so both parse the same way.
struct ParseArguments: ParsableArguments {
    @Option(help: ArgumentHelp("The input syntax (Raptor's name).",
                               discussion: "Default: from the file extension (.rdf .rss .ttl .nt .nq .trig), else from the content."))
    var syntax: Syntax?

    @Option(help: "Base IRI for relative references. Default: the file's own file: URL.")
    var base: String?

    @Option(name: .customLong("max-size"), help: "Refuse documents larger than this many bytes (default 512 MiB).")
    var maxSize: Int?

    var options: ParseOptions {
        ParseOptions(syntax: syntax, baseIRI: base, maxBytes: maxSize)
    }
}
