/// Splits a query into the terminals of the SPARQL 1.1 grammar (§19.8), longest match first.
///
/// Signed numbers are single tokens (`+1`, `-2.5`), as the grammar has them; the expression
/// parser turns `?a -1` into a subtraction (grammar note on AdditiveExpression).
struct Lexer {
    private let text: SourceText
    private var i = 0

    init(_ text: SourceText) { self.text = text }

    static func tokenize(_ text: SourceText) throws(SPARQLSyntaxError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func error(_ message: String, at index: Int) -> SPARQLSyntaxError {
        let (line, column) = text.position(index)
        return SPARQLSyntaxError(message: message, line: line, column: column)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? { text.at(i + offset) }

    private mutating func skipWhitespaceAndComments() {
        while let c = peek() {
            if SPARQLCharacters.isWhitespace(c) || (i == 0 && c == "\u{FEFF}") {   // a byte order mark first
                i += 1
            } else if c == "#" {
                while let d = peek(), d != "\n", d != "\r" { i += 1 }
            } else {
                return
            }
        }
    }

    mutating func next() throws(SPARQLSyntaxError) -> Token {
        skipWhitespaceAndComments()
        let start = i
        let (line, column) = text.position(start)
        func token(_ kind: Token.Kind) -> Token { Token(kind: kind, line: line, column: column) }
        guard let c = peek() else { return token(.end) }

        switch c {
        case "<":
            if let iri = scanIRI() { return token(.iri(iri)) }
            if peek(1) == "=" { i += 2; return token(.symbol("<=")) }
            i += 1
            return token(.symbol("<"))
        case ">":
            if peek(1) == "=" { i += 2; return token(.symbol(">=")) }
            i += 1
            return token(.symbol(">"))
        case "!":
            if peek(1) == "=" { i += 2; return token(.symbol("!=")) }
            i += 1
            return token(.symbol("!"))
        case "&":
            guard peek(1) == "&" else { throw error("'&' must be '&&'", at: start) }
            i += 2
            return token(.symbol("&&"))
        case "|":
            if peek(1) == "|" { i += 2; return token(.symbol("||")) }
            i += 1
            return token(.symbol("|"))
        case "^":
            if peek(1) == "^" { i += 2; return token(.symbol("^^")) }
            i += 1
            return token(.symbol("^"))
        case "(", "[":
            let close: Unicode.Scalar = c == "(" ? ")" : "]"
            var j = i + 1
            while let d = text.at(j), SPARQLCharacters.isWhitespace(d) { j += 1 }
            if text.at(j) == close {
                i = j + 1
                return token(c == "(" ? .nilList : .anon)
            }
            i += 1
            return token(.symbol(String(c)))
        case "{", "}", ")", "]", ",", ";", "=", "*", "/":
            i += 1
            return token(.symbol(String(c)))
        case "+", "-":
            if let d = peek(1), SPARQLCharacters.isDigit(d) || (d == "." && peek(2).map(SPARQLCharacters.isDigit) == true) {
                i += 1
                return token(try scanNumber(sign: String(c)))
            }
            i += 1
            return token(.symbol(String(c)))
        case ".":
            if let d = peek(1), SPARQLCharacters.isDigit(d) { return token(try scanNumber(sign: "")) }
            i += 1
            return token(.symbol("."))
        case "?", "$":
            if let d = peek(1), SPARQLCharacters.isBaseOrUnderscore(d) || SPARQLCharacters.isDigit(d) {
                i += 1
                var name = ""
                while let d = peek(), SPARQLCharacters.isVariableNameChar(d) {
                    name.unicodeScalars.append(d)
                    i += 1
                }
                return token(.variable(name))
            }
            guard c == "?" else { throw error("'$' must start a variable name", at: start) }
            i += 1
            return token(.symbol("?"))
        case "\"", "'":
            return token(.string(try scanString(quote: c)))
        case "@":
            i += 1
            var tag = ""
            while let d = peek(), SPARQLCharacters.isASCIILetter(d) { tag.unicodeScalars.append(d); i += 1 }
            guard !tag.isEmpty else { throw error("'@' must start a language tag", at: start) }
            while peek() == "-", let d = peek(1), SPARQLCharacters.isASCIILetter(d) || SPARQLCharacters.isDigit(d) {
                tag.unicodeScalars.append("-")
                i += 1
                while let d = peek(), SPARQLCharacters.isASCIILetter(d) || SPARQLCharacters.isDigit(d) {
                    tag.unicodeScalars.append(d)
                    i += 1
                }
            }
            return token(.languageTag(tag))
        case "_":
            guard peek(1) == ":" else { break }
            i += 2
            return token(.blankNode(try scanBlankNodeLabel(start: start)))
        case ":":
            i += 1
            return token(.prefixedName(prefix: "", local: try scanLocalName()))
        default:
            if SPARQLCharacters.isDigit(c) { return token(try scanNumber(sign: "")) }
        }
        if SPARQLCharacters.isBase(c) { return token(try scanWordOrPrefixedName(start: start)) }
        throw error("unexpected character '\(c.escaped(asASCII: false))'", at: start)
    }

    /// IRIREF, if the text at `<` is one; otherwise nothing is consumed (`<` is then an operator).
    private mutating func scanIRI() -> String? {
        var j = i + 1
        var iri = ""
        while let c = text.at(j) {
            if c == ">" {
                i = j + 1
                return iri
            }
            guard SPARQLCharacters.isIRIChar(c) else { return nil }
            iri.unicodeScalars.append(c)
            j += 1
        }
        return nil
    }

    /// INTEGER, DECIMAL or DOUBLE, after an optional sign already consumed.
    private mutating func scanNumber(sign: String) throws(SPARQLSyntaxError) -> Token.Kind {
        var text = sign
        func digits() -> Int {
            var n = 0
            while let d = peek(), SPARQLCharacters.isDigit(d) { text.unicodeScalars.append(d); i += 1; n += 1 }
            return n
        }
        let whole = digits()
        var isDecimal = false
        // A '.' belongs to the number only when digits or an exponent follow it ("1." is 1 then '.').
        if peek() == "." {
            let after = peek(1)
            if let after, SPARQLCharacters.isDigit(after) {
                text.unicodeScalars.append("."); i += 1
                _ = digits()
                isDecimal = true
            } else if whole > 0, let after, after == "e" || after == "E", hasExponent(at: i + 1) {
                text.unicodeScalars.append("."); i += 1
                isDecimal = true
            }
        }
        if let e = peek(), e == "e" || e == "E", hasExponent(at: i) {
            text.unicodeScalars.append(e); i += 1
            if let s = peek(), s == "+" || s == "-" { text.unicodeScalars.append(s); i += 1 }
            _ = digits()
            return .double(text)
        }
        return isDecimal ? .decimal(text) : .integer(text)
    }

    /// Whether an exponent (`e`, optional sign, digits) starts at `index`.
    private func hasExponent(at index: Int) -> Bool {
        var j = index + 1
        if let s = text.at(j), s == "+" || s == "-" { j += 1 }
        return text.at(j).map(SPARQLCharacters.isDigit) == true
    }

    /// One of the four string forms, its escapes (ECHAR) decoded.
    private mutating func scanString(quote: Unicode.Scalar) throws(SPARQLSyntaxError) -> String {
        let start = i
        let long = peek(1) == quote && peek(2) == quote
        i += long ? 3 : 1
        var value = ""
        while true {
            guard let c = peek() else { throw error("unterminated string", at: start) }
            if c == quote {
                if !long { i += 1; return value }
                if peek(1) == quote && peek(2) == quote {
                    // The first three quotes close it: the content cannot end in a quote.
                    i += 3
                    return value
                }
                value.unicodeScalars.append(c)
                i += 1
            } else if c == "\\" {
                guard let e = peek(1) else { throw error("unterminated string", at: start) }
                let decoded: Unicode.Scalar
                switch e {
                case "t": decoded = "\t"
                case "n": decoded = "\n"
                case "r": decoded = "\r"
                case "b": decoded = "\u{08}"
                case "f": decoded = "\u{0C}"
                case "\"": decoded = "\""
                case "'": decoded = "'"
                case "\\": decoded = "\\"
                default: throw error("invalid escape '\\\(e.escaped(asASCII: false))' in a string", at: i)
                }
                value.unicodeScalars.append(decoded)
                i += 2
            } else if !long && (c == "\n" || c == "\r") {
                throw error("line break in a string (use \"\"\" for long strings, or \\n)", at: i)
            } else {
                value.unicodeScalars.append(c)
                i += 1
            }
        }
    }

    /// BLANK_NODE_LABEL after `_:`.
    private mutating func scanBlankNodeLabel(start: Int) throws(SPARQLSyntaxError) -> String {
        guard let first = peek(), SPARQLCharacters.isBaseOrUnderscore(first) || SPARQLCharacters.isDigit(first) else {
            throw error("'_:' must be followed by a blank node label", at: start)
        }
        var label = String(first)
        i += 1
        var validLength = label.unicodeScalars.count
        var validIndex = i
        while let c = peek(), SPARQLCharacters.isNameChar(c) || c == "." {
            label.unicodeScalars.append(c)
            i += 1
            if c != "." { validLength = label.unicodeScalars.count; validIndex = i }
        }
        // A label does not end in '.': give trailing dots back.
        i = validIndex
        return String(String.UnicodeScalarView(label.unicodeScalars.prefix(validLength)))
    }

    /// A keyword, or a prefixed name when the word is followed by ':'.
    private mutating func scanWordOrPrefixedName(start: Int) throws(SPARQLSyntaxError) -> Token.Kind {
        var j = i
        var lastValid = i   // one past the last character that may end a PN_PREFIX
        while let c = text.at(j), SPARQLCharacters.isNameChar(c) || c == "." {
            j += 1
            if c != "." { lastValid = j }
        }
        if text.at(lastValid) == ":" {
            var prefix = ""
            for k in i..<lastValid { prefix.unicodeScalars.append(text[k]) }
            i = lastValid + 1
            return .prefixedName(prefix: prefix, local: try scanLocalName())
        }
        // A keyword: ASCII letters, digits and '_' only.
        var word = ""
        while let c = peek(), SPARQLCharacters.isASCIILetter(c) || SPARQLCharacters.isDigit(c) || c == "_" {
            word.unicodeScalars.append(c)
            i += 1
        }
        if word.isEmpty || (peek().map { SPARQLCharacters.isNameChar($0) } == true) {
            throw error("unexpected name (a prefixed name needs ':')", at: start)
        }
        return .word(word)
    }

    /// PN_LOCAL (possibly empty), with `\` escapes removed and `%XX` kept as written.
    private mutating func scanLocalName() throws(SPARQLSyntaxError) -> String {
        var local = ""
        var validLength = 0
        var validIndex = i
        var first = true
        while let c = peek() {
            if c == "\\" {
                guard let e = peek(1), SPARQLCharacters.isLocalEscapable(e) else {
                    throw error("invalid escape in a local name", at: i)
                }
                local.unicodeScalars.append(e)
                i += 2
            } else if c == "%" {
                guard let h1 = peek(1), let h2 = peek(2),
                      SourceText.hexValue(h1) != nil, SourceText.hexValue(h2) != nil else {
                    throw error("'%' in a local name must be followed by two hex digits", at: i)
                }
                local.unicodeScalars.append(contentsOf: [c, h1, h2])
                i += 3
            } else if c == ":" || (first ? SPARQLCharacters.isBaseOrUnderscore(c) || SPARQLCharacters.isDigit(c)
                                            : SPARQLCharacters.isNameChar(c)) {
                local.unicodeScalars.append(c)
                i += 1
            } else if c == "." && !first {
                local.unicodeScalars.append(c)
                i += 1
                first = false
                continue
            } else {
                break
            }
            first = false
            validLength = local.unicodeScalars.count
            validIndex = i
        }
        // A local name does not end in '.': give trailing dots back.
        i = validIndex
        return String(String.UnicodeScalarView(local.unicodeScalars.prefix(validLength)))
    }
}
