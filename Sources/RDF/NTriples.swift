/// The N-Triples / N-Quads spelling of terms (RDF 1.1 N-Triples §2.4–2.5).
///
/// Used for messages, tests and canonical comparisons; full documents are written by Raptor's
/// serializers in `RDFSyntax`.
public enum NTriples {
    public static func format(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return "<\(escapeIRI(iri))>"
        case .blank(let label): return "_:\(label)"
        case .literal(let literal):
            let quoted = "\"\(escapeString(literal.lexical))\""
            if let language = literal.language { return "\(quoted)@\(language)" }
            if literal.datatype == XSD.string { return quoted }
            return "\(quoted)^^<\(escapeIRI(literal.datatype))>"
        }
    }

    public static func format(_ quad: Quad) -> String { quad.description }

    /// Escapes what a STRING_LITERAL_QUOTE cannot hold raw; everything else stays as UTF-8.
    public static func escapeString(_ string: String) -> String {
        // Most strings need no escape: one pass over the bytes finds out, and returns them as they are.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return string
        }
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// IRIREF cannot hold controls, space or `<>"{}|^`\`; those are written as UCHAR escapes.
    public static func escapeIRI(_ iri: String) -> String {
        guard iri.utf8.contains(where: needsEscapeInIRI) else { return iri }
        var out = ""
        out.reserveCapacity(iri.utf8.count)
        for scalar in iri.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                out += "\\u" + hex(scalar.value, width: 4)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether a byte of an IRI's UTF-8 is a character IRIREF cannot hold (see `escapeIRI`).
    private static func needsEscapeInIRI(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"): true
        default: false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
