/// A streaming tokenizer for Turtle and TriG (RDF 1.1 Turtle §6.5, TriG §5.4): it walks the
/// chunks Raptor will read and checks every terminal against the grammar, so a document Raptor
/// would wrongly accept (a surrogate `\uD800`, a bad escape, a malformed name) is stopped here
/// with its line and column.
///
/// Tokens are handed to a consumer one at a time and are valid only during the call. Between
/// chunks the lexer keeps only the unfinished token at the end of a chunk.
struct TurtleToken {
    enum Kind: Equatable {
        case space          // white space (may hold line breaks)
        case comment        // '#' to the end of the line
        case iri            // IRIREF; `iri` holds it with UCHARs unescaped
        case prefixedName   // PNAME_LN
        case prefixOnly     // PNAME_NS
        case blankNode      // BLANK_NODE_LABEL
        case string         // any of the four string forms
        case languageTag    // LANGTAG
        case number         // INTEGER, DECIMAL, DOUBLE
        case datatypeMark   // '^^'
        case punctuation    // . ; , [ ] ( ) { }
        case word           // a, true, false, PREFIX, BASE, GRAPH
        case atPrefix       // @prefix
        case atBase         // @base
    }

    var kind: Kind
    /// The token's bytes as written.
    var bytes: UnsafeBufferPointer<UInt8>
    /// Where it starts.
    var position: TextPosition
    /// For `.iri`: the IRI with its escapes unescaped (UTF-8), valid during the call only.
    var iri = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// For `.iri`: whether the IRIREF held `\u` escapes.
    var iriHadEscapes = false

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var firstByte: UInt8 { bytes.first ?? 0 }
    func isPunctuation(_ character: Unicode.Scalar) -> Bool {
        kind == .punctuation && bytes.count == 1 && bytes[0] == UInt8(ascii: character)
    }
    func isWord(_ word: String) -> Bool {
        kind == .word && text.lowercased() == word.lowercased()
    }
}

struct TurtleLexer {
    let trig: Bool
    let source: String
    private var carry: [UInt8] = []
    private var rescanSize = 0
    private var position = TextPosition()
    /// Whether the last significant token was a string (then '@' starts a language tag).
    private var afterString = false

    init(trig: Bool, source: String) {
        self.trig = trig
        self.source = source
    }

    /// Tokenizes what `chunk` completes; an unfinished token waits for the next chunk.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, isEnd: Bool, _ consume: (inout TurtleToken) throws -> Void) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        if carry.isEmpty {
            let used = try scan(bytes, isEnd: isEnd, consume)
            carry.append(contentsOf: bytes[used...])
        } else {
            carry.append(contentsOf: bytes)
            // A token longer than a chunk (a long literal) is rescanned from its start only when
            // the carried bytes have doubled, so reading it stays linear in its length.
            if !isEnd && carry.count < rescanSize { return }
            var buffer: [UInt8] = []
            swap(&buffer, &carry)
            let used = try buffer.withUnsafeBufferPointer { try scan($0, isEnd: isEnd, consume) }
            carry.append(contentsOf: buffer[used...])
        }
        rescanSize = 2 * carry.count
        if isEnd && !carry.isEmpty {
            throw RDFSyntaxError(.syntax, "the document ends inside a token", source: source,
                                 line: position.line, column: position.column)
        }
    }

    /// Scans complete tokens from `b`; returns how many bytes were used.
    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, isEnd: Bool, _ consume: (inout TurtleToken) throws -> Void) throws -> Int {
        var i = 0
        let end = b.count
        var decoded: [UInt8] = []
        while i < end {
            let (result, kind) = token(b, i, end, isEnd: isEnd, decoded: &decoded)
            switch result {
            case .incomplete:
                if isEnd {
                    throw error(b, i, i, "the document ends inside \(Self.describeStart(b[i]))")
                }
                return i
            case .invalid(let at, let why):
                throw error(b, i, at, why)
            case .complete(let next):
                var token = TurtleToken(kind: kind, bytes: UnsafeBufferPointer(rebasing: b[i..<next]), position: position)
                if kind != .space && kind != .comment { afterString = kind == .string }
                if kind == .iri && !decoded.isEmpty {
                    token.iriHadEscapes = true
                    try decoded.withUnsafeBufferPointer { view in
                        token.iri = view
                        try consume(&token)
                    }
                } else {
                    if kind == .iri { token.iri = UnsafeBufferPointer(rebasing: b[(i + 1)..<(next - 1)]) }
                    try consume(&token)
                }
                position.advance(over: b, i..<next)
                i = next
            }
        }
        return end
    }

    private static func describeStart(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "<"): "an IRI (no closing '>')"
        case UInt8(ascii: "\""), UInt8(ascii: "'"): "a string (no closing quote)"
        default: "a token"
        }
    }

    private func error(_ b: UnsafeBufferPointer<UInt8>, _ tokenStart: Int, _ at: Int, _ message: String) -> RDFSyntaxError {
        var where_ = position
        where_.advance(over: b, tokenStart..<min(at, b.count))
        return RDFSyntaxError(.syntax, message, source: source, line: where_.line, column: where_.column)
    }

    /// Scans the token at `start`.
    private func token(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isEnd: Bool, decoded: inout [UInt8]) -> (ScanResult, TurtleToken.Kind) {
        let c = b[start]
        switch c {
        case 0x20, 0x09, 0x0A, 0x0D:
            var i = start + 1
            while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
            return (.complete(i), .space)
        case UInt8(ascii: "#"):
            var i = start + 1
            while i < end, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
            return (i == end && !isEnd ? .incomplete : .complete(i), .comment)
        case UInt8(ascii: "<"):
            decoded.removeAll(keepingCapacity: true)
            return (withUnsafeMutablePointer(to: &decoded) { Terminals.iri(b, start, end, decoded: $0) }, .iri)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return (Terminals.string(b, start, end, allowLong: true, atEnd: isEnd), .string)
        case UInt8(ascii: "_"):
            guard start + 1 < end else { return (isEnd ? .invalid(start, "unexpected '_'") : .incomplete, .blankNode) }
            guard b[start + 1] == UInt8(ascii: ":") else {
                return (.invalid(start, "unexpected '_' (a blank node label is written _:name)"), .blankNode)
            }
            return (Terminals.blankNodeLabel(b, start, end, atEnd: isEnd), .blankNode)
        case UInt8(ascii: "@"):
            if afterString { return (Terminals.languageTag(b, start, end, atEnd: isEnd), .languageTag) }
            var i = start + 1
            while i < end, CharacterClasses.isLetter(b[i]) || CharacterClasses.isDigit(b[i]) || b[i] == UInt8(ascii: "-") { i += 1 }
            if i == end && !isEnd { return (.incomplete, .atPrefix) }
            let word = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            switch word {
            case "@prefix": return (.complete(i), .atPrefix)
            case "@base": return (.complete(i), .atBase)
            default: return (.invalid(start, "unknown directive \(word); a language tag must follow a string"), .atPrefix)
            }
        case UInt8(ascii: "^"):
            guard start + 1 < end else { return (isEnd ? .invalid(start, "unexpected '^'") : .incomplete, .datatypeMark) }
            return (b[start + 1] == UInt8(ascii: "^") ? .complete(start + 2) : .invalid(start, "unexpected '^' (a datatype is written ^^<iri>)"), .datatypeMark)
        case UInt8(ascii: "."):
            guard start + 1 < end else { return (isEnd ? .complete(start + 1) : .incomplete, .punctuation) }
            return CharacterClasses.isDigit(b[start + 1]) ? (number(b, start, end, isEnd: isEnd), .number) : (.complete(start + 1), .punctuation)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), 0x30...0x39:
            return (number(b, start, end, isEnd: isEnd), .number)
        case UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "{"), UInt8(ascii: "}"):
            return (.complete(start + 1), .punctuation)
        case UInt8(ascii: ":"):
            return prefixedName(b, start, start, end, isEnd: isEnd)
        default:
            guard let first = CharacterClasses.scalar(in: b, at: start, end: end) else { return (.incomplete, .word) }
            guard CharacterClasses.isNameStart(first.value) else {
                let shown = first.value < 0x21 ? Terminals.codePoint(first.value) : "'\(Character(Unicode.Scalar(first.value)!))'"
                return (.invalid(start, "unexpected character \(shown)"), .word)
            }
            // PN_PREFIX, then ':' for a prefixed name; otherwise one of the bare keywords.
            var i = start + first.length
            var nameEnd = i
            while i < end {
                guard let next = CharacterClasses.scalar(in: b, at: i, end: end) else { return (.incomplete, .word) }
                if CharacterClasses.isNameChar(next.value) {
                    i += next.length
                    nameEnd = i
                } else if next.value == 0x2E {
                    i += 1
                } else {
                    break
                }
            }
            if i == end && !isEnd { return (.incomplete, .word) }
            if nameEnd < end && b[nameEnd] == UInt8(ascii: ":") && nameEnd == i {
                return prefixedName(b, start, nameEnd, end, isEnd: isEnd)
            }
            if nameEnd < end && b[nameEnd] == UInt8(ascii: ".") && i > nameEnd && i < end && b[i] == UInt8(ascii: ":") {
                return (.invalid(nameEnd, "a prefix name cannot end with '.'"), .word)
            }
            let word = String(decoding: UnsafeBufferPointer(rebasing: b[start..<nameEnd]), as: UTF8.self)
            switch word {
            case "a", "true", "false": return (.complete(nameEnd), .word)
            default:
                switch word.lowercased() {
                case "prefix", "base": return (.complete(nameEnd), .word)
                case "graph" where trig: return (.complete(nameEnd), .word)
                default: return (.invalid(start, "unexpected word '\(word)' (a prefixed name is written prefix:name)"), .word)
                }
            }
        }
    }

    /// PNAME_NS or PNAME_LN; `colon` is the offset of the ':' after the prefix.
    private func prefixedName(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ colon: Int, _ end: Int, isEnd: Bool) -> (ScanResult, TurtleToken.Kind) {
        var i = colon + 1
        var nameEnd = i
        var first = true
        while i < end {
            let byte = b[i]
            if byte == UInt8(ascii: "%") {
                guard i + 2 < end else { return (isEnd ? .invalid(i, "'%' must be followed by two hex digits") : .incomplete, .prefixedName) }
                guard CharacterClasses.isHex(b[i + 1]) && CharacterClasses.isHex(b[i + 2]) else {
                    return (.invalid(i, "'%' in a local name must be followed by two hex digits"), .prefixedName)
                }
                i += 3
                nameEnd = i
            } else if byte == UInt8(ascii: "\\") {
                guard i + 1 < end else { return (isEnd ? .invalid(i, "unexpected '\\' at the end") : .incomplete, .prefixedName) }
                guard CharacterClasses.isLocalEscapable(b[i + 1]) else {
                    return (.invalid(i, "invalid escape in a local name; only \\ before one of _~.-!$&'()*+,;=/?#@% is allowed"), .prefixedName)
                }
                i += 2
                nameEnd = i
            } else if byte == UInt8(ascii: ".") && !first {
                i += 1
            } else {
                guard let next = CharacterClasses.scalar(in: b, at: i, end: end) else { return (.incomplete, .prefixedName) }
                let allowed = first
                    ? (CharacterClasses.isNameStartOrUnderscore(next.value) || next.value == 0x3A || (next.value >= 0x30 && next.value <= 0x39))
                    : (CharacterClasses.isNameChar(next.value) || next.value == 0x3A)
                guard allowed else { break }
                i += next.length
                nameEnd = i
            }
            first = false
        }
        if i == end && !isEnd { return (.incomplete, .prefixedName) }
        return (.complete(nameEnd), nameEnd == colon + 1 ? .prefixOnly : .prefixedName)
    }

    /// INTEGER, DECIMAL or DOUBLE.
    private func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isEnd: Bool) -> ScanResult {
        enum Exponent { case none, incomplete, ends(Int) }
        /// An EXPONENT (`[eE][+-]?[0-9]+`) at `j`.
        func exponent(at j: Int) -> Exponent {
            guard j < end else { return isEnd ? .none : .incomplete }
            guard (b[j] | 0x20) == UInt8(ascii: "e") else { return .none }
            var k = j + 1
            if k < end && (b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-")) { k += 1 }
            let digitsStart = k
            while k < end && CharacterClasses.isDigit(b[k]) { k += 1 }
            if k == end && !isEnd { return .incomplete }
            return k > digitsStart ? .ends(k) : .none
        }
        var i = start
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < end && CharacterClasses.isDigit(b[i]) { i += 1 }
        let digits = i - digitsStart
        if i == end { return isEnd ? (digits > 0 ? .complete(i) : .invalid(start, "malformed number")) : .incomplete }
        if b[i] == UInt8(ascii: ".") {
            guard i + 1 < end else { return isEnd ? (digits > 0 ? .complete(i) : .invalid(start, "malformed number")) : .incomplete }
            if CharacterClasses.isDigit(b[i + 1]) {
                i += 1
                while i < end && CharacterClasses.isDigit(b[i]) { i += 1 }
            } else {
                // `1.e3` is a double; in `:s :p 1.` the '.' ends the statement.
                guard digits > 0 else { return .invalid(start, "malformed number") }
                switch exponent(at: i + 1) {
                case .incomplete: return .incomplete
                case .none: return .complete(i)
                case .ends(let next): return .complete(next)
                }
            }
        } else if digits == 0 {
            return .invalid(start, "malformed number: no digits")
        }
        guard i < end else { return isEnd ? .complete(i) : .incomplete }
        if (b[i] | 0x20) == UInt8(ascii: "e") {
            switch exponent(at: i) {
            case .incomplete: return .incomplete
            case .none: return .invalid(i, "malformed exponent: digits must follow 'e'")
            case .ends(let next): return .complete(next)
            }
        }
        return .complete(i)
    }
}
