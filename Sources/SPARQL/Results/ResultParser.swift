import Foundation
import RDF
import RDFSyntax

/// Reads a query result document in any readable `ResultFormat`: the four result-set formats,
/// and the RDF syntaxes (through Raptor) for graph results.
public enum ResultParser {
    /// - Parameter baseIRI: resolves relative IRIs in RDF syntaxes (the result formats have none).
    public static func parse(_ data: Data, format: ResultFormat, baseIRI: String? = nil) throws -> QueryResult {
        switch format {
        case .json: return try JSONResultParser.parse(data)
        case .xml: return try XMLResultParser.parse(data)
        case .csv: return try CSVResultParser.parse(try text(data))
        case .tsv: return try TSVResultParser.parse(try text(data))
        case .table: throw ResultFormatError(.unsupported, "the table format is for people; it cannot be read back")
        case .ntriples, .nquads, .turtle, .rdfxml, .trig:
            let syntax: Syntax = switch format {
            case .ntriples: .ntriples
            case .nquads: .nquads
            case .turtle: .turtle
            case .trig: .trig
            default: .rdfxml
            }
            let quads = try RDFParser.parseAll(.bytes(Array(data), name: "result"), options: ParseOptions(syntax: syntax, baseIRI: baseIRI))
            return .graph(quads.map(\.triple))
        }
    }

    public static func parse(_ text: String, format: ResultFormat) throws -> QueryResult {
        switch format {
        case .csv: try CSVResultParser.parse(text)
        case .tsv: try TSVResultParser.parse(text)
        default: try parse(Data(text.utf8), format: format)
        }
    }

    /// Reads a file, in `format` or else the one its extension names.
    public static func parse(contentsOf url: URL, format: ResultFormat? = nil) throws -> QueryResult {
        guard let format = format ?? ResultFormat(fileExtension: url.pathExtension) else {
            throw ResultFormatError(.unsupported, "cannot tell the result format of \(url.lastPathComponent)")
        }
        return try parse(try Data(contentsOf: url), format: format, baseIRI: url.absoluteString)
    }

    private static func text(_ data: Data) throws -> String {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ResultFormatError(.malformed, "not UTF-8")
        }
        return text
    }
}
