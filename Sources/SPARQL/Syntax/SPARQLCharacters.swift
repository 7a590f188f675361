/// The character classes of the SPARQL 1.1 grammar's terminals (§19.8).
enum SPARQLCharacters {
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    /// PN_CHARS_BASE.
    static func isBase(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default:
            false
        }
    }

    /// PN_CHARS_U.
    static func isBaseOrUnderscore(_ c: Unicode.Scalar) -> Bool { c == "_" || isBase(c) }

    /// PN_CHARS.
    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        if isBaseOrUnderscore(c) || isDigit(c) || c == "-" { return true }
        switch c.value {
        case 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    /// The characters after the first of VARNAME.
    static func isVariableNameChar(_ c: Unicode.Scalar) -> Bool { c != "-" && isNameChar(c) }

    /// PN_LOCAL_ESC: the characters a `\` may escape in a local name.
    static func isLocalEscapable(_ c: Unicode.Scalar) -> Bool {
        "_~.-!$&'()*+,;=/?#@%".unicodeScalars.contains(c)
    }

    /// Characters an IRIREF may not hold: `<>"{}|^`\` and everything up to the space.
    static func isIRIChar(_ c: Unicode.Scalar) -> Bool {
        c.value > 0x20 && !"<>\"{}|^`\\".unicodeScalars.contains(c)
    }

    /// WS (comments are handled by the lexer).
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r"
    }
}
