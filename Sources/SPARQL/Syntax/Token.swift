/// One terminal of the SPARQL 1.1 grammar, with where it starts in the query text.
struct Token: Equatable {
    enum Kind: Equatable {
        /// IRIREF, the text between `<` and `>`, not yet resolved against the base.
        case iri(String)
        /// PNAME_NS (empty local part) or PNAME_LN, local escapes (`\.`) already removed.
        case prefixedName(prefix: String, local: String)
        /// BLANK_NODE_LABEL, without `_:`.
        case blankNode(String)
        /// ANON: `[` and `]` with only white space between.
        case anon
        /// NIL: `(` and `)` with only white space between.
        case nilList
        /// VAR1 or VAR2, without `?` or `$`.
        case variable(String)
        /// A string literal of any of the four forms, its escapes decoded.
        case string(String)
        /// LANGTAG, without `@`.
        case languageTag(String)
        /// INTEGER, DECIMAL or DOUBLE as written, including a leading sign for the signed forms.
        case integer(String)
        case decimal(String)
        case double(String)
        /// A keyword or built-in name (`SELECT`, `a`, `true`, `STRLEN`, …) as written.
        case word(String)
        /// Punctuation and operators: `{ } ( ) [ ] . , ; = != < > <= >= ! && || + - * / ^ ^^ | ?`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var line: Int
    var column: Int

    /// How the token is named in messages.
    var shown: String {
        switch kind {
        case .iri(let text): "<\(text)>"
        case .prefixedName(let prefix, let local): "\(prefix):\(local)"
        case .blankNode(let label): "_:\(label)"
        case .anon: "[]"
        case .nilList: "()"
        case .variable(let name): "?\(name)"
        case .string: "a string"
        case .languageTag(let tag): "@\(tag)"
        case .integer(let text), .decimal(let text), .double(let text): text
        case .word(let text): text
        case .symbol(let text): "'\(text)'"
        case .end: "the end of the query"
        }
    }

    /// Whether this is the keyword `name`, given in upper case (keywords are case-insensitive).
    func isKeyword(_ name: String) -> Bool {
        guard case .word(let text) = kind, text.utf8.count == name.utf8.count else { return false }
        // Words are ASCII (the lexer makes sure): compare with the lower-case bit cleared.
        return zip(text.utf8, name.utf8).allSatisfy { a, b in
            a == b || (a >= UInt8(ascii: "a") && a <= UInt8(ascii: "z") && a - 32 == b)
        }
    }

    func isSymbol(_ text: String) -> Bool {
        if case .symbol(let s) = kind { return s == text }
        return false
    }
}
