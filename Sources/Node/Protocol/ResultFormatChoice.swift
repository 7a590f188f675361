import Foundation
import Hummingbird
import SPARQL

/// Chooses the format of an answer: a `format=` (or `output=`) parameter if the request has one,
/// else the Accept header; nil from both means 406.
///
/// Parameter values are short names (`json`, `xml`, `csv`, `tsv`, `turtle`, `ntriples`, `rdfxml`,
/// `nquads`, `trig`, and the aliases `ResultFormat(name:)` knows) or media types. `xml` means SPARQL
/// XML results for SELECT and ASK and RDF/XML for graphs, as SPARQLWrapper and Virtuoso use it.
/// Several values (SPARQLWrapper sends `format=tsv&format=text/tab-separated-values`) are tried in
/// order.
enum ResultFormatChoice {
    static let parameterNames = ["format", "output"]

    static func choose(for kind: ResultKind, accept: String?, parameters: FormParameters) throws(ProtocolError) -> ResultFormat {
        let offered = ResultFormat.offered(for: kind)
        let requested = parameterNames.flatMap { parameters.values($0) }.filter { !$0.isEmpty }
        if !requested.isEmpty {
            for value in requested {
                if let format = format(named: value, for: kind), offered.contains(format) { return format }
            }
            throw ProtocolError(.notAcceptable, """
                format=\(requested.joined(separator: ",")) cannot carry \(describe(kind)); \
                this node offers \(names(offered))
                """)
        }
        if let format = ResultFormat.negotiate(accept: accept, for: kind, offering: offered) { return format }
        throw ProtocolError(.notAcceptable, """
            nothing in 'Accept: \(accept ?? "")' is offered for \(describe(kind)); this node offers \
            \(offered.map(\.mediaType).joined(separator: ", "))
            """)
    }

    private static func format(named value: String, for kind: ResultKind) -> ResultFormat? {
        let name = value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if name.contains("/") {
            return ResultFormat.offered(for: kind).first { $0.acceptedMediaTypes.contains(name) }
        }
        if kind == .graph && (name == "xml" || name == "rdf+xml") { return .rdfxml }
        return ResultFormat(name: name)
    }

    private static func describe(_ kind: ResultKind) -> String {
        switch kind {
        case .solutions: "SELECT results"
        case .boolean: "ASK results"
        case .graph: "graphs (CONSTRUCT, DESCRIBE, Graph Store)"
        }
    }

    private static func names(_ formats: [ResultFormat]) -> String {
        formats.map { "\($0.rawValue) (\($0.mediaType))" }.joined(separator: ", ")
    }
}
