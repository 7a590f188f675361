import RDF

/// SPARQL Query Results XML (https://www.w3.org/TR/rdf-sparql-XMLres/).
///
/// Text is escaped for XML 1.0: `&`, `<` and `>` always; in attributes also `"`, tab and line
/// breaks; a carriage return as `&#xD;` everywhere, since XML parsers turn a raw one into a line
/// feed. XML 1.0 cannot carry most C0 control characters (nor U+FFFE, U+FFFF) even as character
/// references; those are written as U+FFFD, the one lossy case of this format. Literals carry
/// `xml:lang` or `datatype` (none for `xsd:string`, as in RDF 1.1).
public final class XMLResultWriter: ResultWriter {
    public var format: ResultFormat { .xml }
    private let output: ResultOutput
    private var phase = WriterPhase(.xml)
    private var names: [String] = []

    private static let prologue = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"

    public init(output: ResultOutput) { self.output = output }

    public func begin(variables: [Variable]) throws {
        try phase.enter(.solutions)
        names = variables.map { Self.escape($0.name, attribute: true) }
        var text = Self.prologue + "  <head>\n"
        for name in names { text += "    <variable name=\"\(name)\"/>\n" }
        output.write(text + "  </head>\n  <results>\n")
    }

    public func write(solution: [Term?]) throws {
        try phase.expectSolutions()
        var text = "    <result>\n"
        for (index, name) in names.enumerated() {
            guard index < solution.count, let term = solution[index] else { continue }
            text += "      <binding name=\"\(name)\">\(Self.encode(term))</binding>\n"
        }
        output.write(text + "    </result>\n")
    }

    public func write(boolean: Bool) throws {
        try phase.enter(.boolean)
        output.write(Self.prologue + "  <head/>\n  <boolean>\(boolean)</boolean>\n</sparql>\n")
    }

    public func finish() throws {
        let before = phase.phase
        try phase.enter(.finished)
        switch before {
        case .start: output.write(Self.prologue + "  <head/>\n  <results/>\n</sparql>\n")
        case .solutions: output.write("  </results>\n</sparql>\n")
        default: break
        }
        output.flush()
    }

    /// One RDF term as a `uri`, `bnode` or `literal` element.
    public static func encode(_ term: Term) -> String {
        switch term {
        case .iri(let iri):
            return "<uri>\(escape(iri))</uri>"
        case .blank(let label):
            return "<bnode>\(escape(label))</bnode>"
        case .literal(let literal):
            if let language = literal.language {
                return "<literal xml:lang=\"\(escape(language, attribute: true))\">\(escape(literal.lexical))</literal>"
            }
            if literal.datatype != XSD.string {
                return "<literal datatype=\"\(escape(literal.datatype, attribute: true))\">\(escape(literal.lexical))</literal>"
            }
            return "<literal>\(escape(literal.lexical))</literal>"
        }
    }

    /// `text` escaped for XML character data, or for a double-quoted attribute value.
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#xD;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#xA;"
            case "\t" where attribute: out += "&#x9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
