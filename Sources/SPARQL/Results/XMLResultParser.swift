import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RDF

/// Reads SPARQL Query Results XML into a `QueryResult`, with Foundation's `XMLParser`.
///
/// Elements are matched by local name, so a prefixed SPARQL namespace reads as well as the
/// default one. Variables bound in results but missing from the head are appended (sorted);
/// `link` elements are ignored. Whitespace inside `uri`, `bnode` and `boolean` is trimmed;
/// literal text is kept exactly.
public enum XMLResultParser {
    public static func parse(_ data: Data) throws -> QueryResult {
        let parser = XMLParser(data: data)
        let reader = Reader()
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let error = reader.error {
            throw ResultFormatError(.malformed, error, line: reader.errorLine)
        }
        guard ok else {
            let message = parser.parserError.map { "not well-formed XML: \($0.localizedDescription)" } ?? "not well-formed XML"
            throw ResultFormatError(.malformed, message, line: parser.lineNumber > 0 ? parser.lineNumber : nil)
        }
        return try reader.result()
    }
}

/// The parser delegate: a small state machine over the SRX elements.
private final class Reader: NSObject, XMLParserDelegate {
    var variables: [Variable] = []
    var solutions: [[String: Term]] = []
    var boolean: Bool?
    var sawRoot = false
    var sawResults = false
    var error: String?
    var errorLine: Int?

    private var solution: [String: Term]?
    private var binding: String?
    /// The term element being read: `uri`, `bnode` or `literal`, with a literal's attributes.
    private var termElement: (name: String, language: String?, datatype: String?)?
    private var text = ""
    private var inBoolean = false

    func result() throws -> QueryResult {
        guard sawRoot else { throw ResultFormatError(.malformed, "not a SPARQL results document (no <sparql> element)") }
        if let boolean { return .boolean(boolean) }
        guard sawResults else { throw ResultFormatError(.malformed, "a SPARQL XML result needs <results> or <boolean>") }
        let known = Set(variables.map(\.name))
        let extra = Set(solutions.flatMap(\.keys)).subtracting(known).sorted()
        let all = variables + extra.map(Variable.init)
        return .solutions(SolutionTable(variables: all, rows: solutions.map { solution in all.map { solution[$0.name] } }))
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        guard error == nil else { return }
        error = message
        errorLine = parser.lineNumber
        parser.abortParsing()
    }

    private static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let name = Self.localName(elementName)
        if termElement != nil {
            fail(parser, "unexpected <\(name)> inside a term")
            return
        }
        switch name {
        case "sparql":
            sawRoot = true
        case "variable":
            guard let variable = attributes["name"] else { return fail(parser, "<variable> without a name") }
            variables.append(Variable(variable))
        case "results":
            sawResults = true
        case "result":
            solution = [:]
        case "binding":
            guard solution != nil else { return fail(parser, "<binding> outside <result>") }
            guard let variable = attributes["name"] else { return fail(parser, "<binding> without a name") }
            binding = variable
        case "uri", "bnode", "literal":
            guard binding != nil else { return fail(parser, "<\(name)> outside <binding>") }
            let language = attributes["xml:lang"]
            if let language, language.isEmpty { return fail(parser, "empty xml:lang") }
            termElement = (name, language, attributes["datatype"])
            text = ""
        case "boolean":
            inBoolean = true
            text = ""
        default:
            // head, link and unknown extension elements.
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if termElement != nil || inBoolean { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if termElement != nil || inBoolean { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = Self.localName(elementName)
        switch name {
        case "uri", "bnode", "literal":
            guard let element = termElement, let variable = binding else { return }
            let term: Term
            switch element.name {
            case "uri": term = .iri(text.trimmingCharacters(in: .whitespacesAndNewlines))
            case "bnode": term = .blank(text.trimmingCharacters(in: .whitespacesAndNewlines))
            default:
                if let language = element.language {
                    term = .literal(text, language: language)
                } else {
                    term = .literal(text, datatype: element.datatype ?? XSD.string)
                }
            }
            if solution?[variable] != nil { return fail(parser, "?\(variable) bound twice in one result") }
            solution?[variable] = term
            termElement = nil
        case "binding":
            binding = nil
        case "result":
            if let solution { solutions.append(solution) }
            solution = nil
        case "boolean":
            inBoolean = false
            switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
            case "true", "1": boolean = true
            case "false", "0": boolean = false
            default: fail(parser, "<boolean> must hold true or false")
            }
        default:
            break
        }
    }
}
