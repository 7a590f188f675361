import Foundation
import Hummingbird

/// Which graph a Graph Store request names, by indirect identification
/// (https://www.w3.org/TR/sparql11-http-rdf-update/#indirect-graph-identification):
/// `/store?graph=IRI` or `/store?default`.
///
/// In this store the default graph is the union of every description (read-only); each
/// description is a named graph, so writes always name one.
enum GraphTarget: Sendable, Equatable {
    case named(String)
    case defaultGraph

    static func from(_ parameters: FormParameters) throws(ProtocolError) -> GraphTarget {
        let graphs = parameters.values("graph")
        let wantsDefault = parameters.contains("default")
        switch (graphs.count, wantsDefault) {
        case (0, false):
            throw ProtocolError(.badRequest, "name the graph: /store?graph=IRI (or /store?default to read the union of all descriptions)")
        case (0, true):
            return .defaultGraph
        case (1, false):
            let iri = graphs[0]
            guard isAbsoluteIRI(iri) else {
                throw ProtocolError(.badRequest, "graph=\(iri) is not an absolute IRI (like https://example.org/catalogue)")
            }
            return .named(iri)
        default:
            throw ProtocolError(.badRequest, "name one graph: give 'graph=' once, or 'default' alone")
        }
    }

    /// A scheme, a colon, and no character IRIs forbid (RFC 3987: no spaces, `<>"{}|\^``).
    static func isAbsoluteIRI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon].unicodeScalars
        func letter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard letter(scheme.first!),
              scheme.allSatisfy({ letter($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return false }
        let forbidden = CharacterSet(charactersIn: "<>\"{}|\\^`").union(.whitespacesAndNewlines).union(.controlCharacters)
        return text.unicodeScalars.allSatisfy { !forbidden.contains($0) }
    }
}
