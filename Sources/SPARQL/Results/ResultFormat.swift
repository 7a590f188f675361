import RDFSyntax

/// The formats query results are written in and read from.
///
/// The first five carry solutions and booleans (SPARQL's result formats, plus `table` for people
/// at a terminal); the rest are RDF syntaxes for CONSTRUCT and DESCRIBE results, written by
/// Raptor through `RDFSerializer`. `table` also prints graphs, as subject/predicate/object rows.
///
/// CSV and TSV have no standard spelling for ASK results; like other engines, Grapevine writes
/// a one-column table `_askResult` holding `true` or `false`, and reads that shape back as a
/// boolean.
public enum ResultFormat: String, Sendable, CaseIterable {
    /// SPARQL 1.1 Query Results JSON (`.srj`).
    case json
    /// SPARQL Query Results XML (`.srx`).
    case xml
    /// SPARQL 1.1 Query Results CSV: plain strings, lossy.
    case csv
    /// SPARQL 1.1 Query Results TSV: terms in Turtle syntax, lossless.
    case tsv
    /// An aligned table for terminals, with a count line under it. Write-only.
    case table
    case ntriples
    case nquads
    case turtle
    case rdfxml
    case trig

    /// The RDF syntax of a graph format; nil for the result-set formats.
    public var graphFormat: OutputFormat? {
        switch self {
        case .json, .xml, .csv, .tsv, .table: nil
        case .ntriples: .ntriples
        case .nquads: .nquads
        case .turtle: .turtle
        case .rdfxml: .rdfxml
        case .trig: .trig
        }
    }

    /// The format that writes graphs in `syntax`.
    public init(_ syntax: OutputFormat) {
        switch syntax {
        case .ntriples: self = .ntriples
        case .nquads: self = .nquads
        case .turtle: self = .turtle
        case .rdfxml: self = .rdfxml
        case .trig: self = .trig
        }
    }

    /// Whether the format can write results of `kind`.
    public func supports(_ kind: ResultKind) -> Bool {
        switch (self, kind) {
        case (.json, .solutions), (.json, .boolean), (.xml, .solutions), (.xml, .boolean),
             (.csv, .solutions), (.csv, .boolean), (.tsv, .solutions), (.tsv, .boolean):
            true
        case (.table, _):
            true
        case (_, .graph):
            graphFormat != nil
        default:
            false
        }
    }

    /// Whether `ResultParser` can read the format (everything but `table`).
    public var isReadable: Bool { self != .table }

    /// The IANA media type, for Content-Type.
    public var mediaType: String {
        switch self {
        case .json: "application/sparql-results+json"
        case .xml: "application/sparql-results+xml"
        case .csv: "text/csv"
        case .tsv: "text/tab-separated-values"
        case .table: "text/plain"
        default: graphFormat!.mediaType
        }
    }

    /// The Content-Type header value: the media type, with the charset for textual types.
    public var contentType: String {
        switch self {
        case .csv, .tsv, .table, .turtle, .trig: mediaType + "; charset=utf-8"
        default: mediaType
        }
    }

    /// Media types an Accept header may use to ask for this format, the official one first.
    public var acceptedMediaTypes: [String] {
        switch self {
        case .json: [mediaType, "application/json"]
        case .xml: [mediaType, "application/xml", "text/xml"]
        case .ntriples: [mediaType, "text/plain"]
        case .turtle: [mediaType, "application/x-turtle"]
        case .rdfxml: [mediaType, "application/xml", "text/xml"]
        default: [mediaType]
        }
    }

    /// The usual file extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .json: "srj"
        case .xml: "srx"
        case .csv: "csv"
        case .tsv: "tsv"
        case .table: "txt"
        case .ntriples: "nt"
        case .nquads: "nq"
        case .turtle: "ttl"
        case .rdfxml: "rdf"
        case .trig: "trig"
        }
    }

    /// Parses the names users type: the raw values plus common aliases (`srj`, `srx`, `text`,
    /// `ttl`, `nt`, `n-triples`, `rdf/xml`…).
    public init?(name: String) {
        switch name.lowercased() {
        case "json", "srj", "sparql-results+json": self = .json
        case "xml", "srx", "sparql-results+xml": self = .xml
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "table", "text", "txt": self = .table
        case "ntriples", "n-triples", "nt": self = .ntriples
        case "nquads", "n-quads", "nq": self = .nquads
        case "turtle", "ttl": self = .turtle
        case "rdfxml", "rdf/xml", "rdf", "owl": self = .rdfxml
        case "trig": self = .trig
        default: return nil
        }
    }

    /// The format a file extension names (`.srj`/`.json`, `.srx`/`.xml`, `.csv`, `.tsv`, RDF
    /// syntaxes). `.xml` means SPARQL XML results here, not RDF/XML.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "srj", "json": self = .json
        case "srx", "xml": self = .xml
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "nt": self = .ntriples
        case "nq": self = .nquads
        case "ttl": self = .turtle
        case "rdf", "owl": self = .rdfxml
        case "trig": self = .trig
        default: return nil
        }
    }

    /// The formats offered for results of `kind`, in the server's order of preference (the first
    /// is what a client gets when it states no preference).
    public static func offered(for kind: ResultKind) -> [ResultFormat] {
        switch kind {
        case .solutions, .boolean: [.json, .xml, .csv, .tsv, .table]
        case .graph: [.turtle, .ntriples, .rdfxml, .nquads, .trig]
        }
    }
}
