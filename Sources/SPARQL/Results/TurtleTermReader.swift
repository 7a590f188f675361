import RDF

/// Reads one RDF term written in Turtle syntax without prefixes: what a TSV result field holds.
enum TurtleTermReader {
    static func read(_ text: Substring) throws -> Term {
        var reader = Cursor(scalars: Array(text.unicodeScalars))
        let term = try reader.term()
        guard reader.atEnd else { throw ResultFormatError(.malformed, "unexpected text after the term in \"\(text)\"") }
        return term
    }

    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        func fail(_ message: String) -> ResultFormatError {
            ResultFormatError(.malformed, message + " in \"\(String(String.UnicodeScalarView(scalars)))\"")
        }

        mutating func term() throws -> Term {
            guard let first = current else { throw fail("empty term") }
            switch first {
            case "<":
                return .iri(try iri())
            case "_":
                guard peek(1) == ":" else { throw fail("bad blank node") }
                index += 2
                let start = index
                while let scalar = current, !scalar.properties.isWhitespace { index += 1 }
                guard index > start else { throw fail("blank node without a label") }
                return .blank(String(String.UnicodeScalarView(scalars[start..<index])))
            case "\"", "'":
                let lexical = try string()
                if current == "@" {
                    index += 1
                    let start = index
                    while let scalar = current, scalar == "-" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { index += 1 }
                    guard index > start else { throw fail("empty language tag") }
                    return .literal(lexical, language: String(String.UnicodeScalarView(scalars[start..<index])))
                }
                if current == "^" {
                    guard peek(1) == "^", peek(2) == "<" else { throw fail("a datatype must be ^^<iri>") }
                    index += 2
                    return .literal(lexical, datatype: try iri())
                }
                return .literal(lexical)
            default:
                let rest = String(String.UnicodeScalarView(scalars[index...]))
                index = scalars.count
                if rest == "true" || rest == "false" { return .literal(rest, datatype: XSD.boolean) }
                if TurtleTermSpelling.isTurtleInteger(rest) { return .literal(rest, datatype: XSD.integer) }
                if TurtleTermSpelling.isTurtleDecimal(rest) { return .literal(rest, datatype: XSD.decimal) }
                if TurtleTermSpelling.isTurtleDouble(rest) { return .literal(rest, datatype: XSD.double) }
                throw fail("not an RDF term")
            }
        }

        mutating func iri() throws -> String {
            index += 1
            var value = String.UnicodeScalarView()
            while let scalar = current {
                index += 1
                switch scalar {
                case ">": return String(value)
                case "\\":
                    guard let kind = current, kind == "u" || kind == "U" else { throw fail("bad escape in IRI") }
                    index += 1
                    value.append(try hex(kind == "u" ? 4 : 8))
                default:
                    value.append(scalar)
                }
            }
            throw fail("unterminated IRI")
        }

        mutating func string() throws -> String {
            let quote = current!
            let long = peek(1) == quote && peek(2) == quote
            index += long ? 3 : 1
            var value = String.UnicodeScalarView()
            while let scalar = current {
                if scalar == quote {
                    if !long {
                        index += 1
                        return String(value)
                    }
                    if peek(1) == quote, peek(2) == quote, peek(3) != quote {
                        index += 3
                        return String(value)
                    }
                }
                index += 1
                guard scalar == "\\" else {
                    value.append(scalar)
                    continue
                }
                guard let escape = current else { throw fail("unterminated escape") }
                index += 1
                switch escape {
                case "t": value.append("\t")
                case "n": value.append("\n")
                case "r": value.append("\r")
                case "b": value.append("\u{08}")
                case "f": value.append("\u{0C}")
                case "\"", "'", "\\": value.append(escape)
                case "u": value.append(try hex(4))
                case "U": value.append(try hex(8))
                default: throw fail("unknown escape \\\(escape)")
                }
            }
            throw fail("unterminated string")
        }

        mutating func hex(_ count: Int) throws -> Unicode.Scalar {
            guard index + count <= scalars.count else { throw fail("short \\u escape") }
            let digits = String(String.UnicodeScalarView(scalars[index..<index + count]))
            index += count
            guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw fail("bad \\u escape \(digits)")
            }
            return scalar
        }
    }
}
