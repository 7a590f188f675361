/// Character classes of the RDF 1.1 Turtle / N-Triples grammars (Turtle §6.5, N-Triples §7),
/// over Unicode scalar values, plus the byte-level helpers the checkers share.
enum CharacterClasses {
    /// PN_CHARS_BASE.
    static func isNameStart(_ c: UInt32) -> Bool {
        switch c {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF: true
        default: false
        }
    }

    /// PN_CHARS_U (without the ':' that the N-Triples grammar lists: the suites, Turtle and the
    /// N-Triples errata all treat `_:abc:def` as invalid).
    static func isNameStartOrUnderscore(_ c: UInt32) -> Bool { c == 0x5F || isNameStart(c) }

    /// PN_CHARS.
    static func isNameChar(_ c: UInt32) -> Bool {
        switch c {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isNameStartOrUnderscore(c)
        }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }

    static func hexValue(_ b: UInt8) -> UInt32 {
        isDigit(b) ? UInt32(b - 0x30) : UInt32((b | 0x20) - 0x61 + 10)
    }

    /// Characters an IRIREF may not hold raw: controls, space and `<>"{}|^`\`.
    static func isForbiddenInIRI(_ c: UInt32) -> Bool {
        switch c {
        case 0x00...0x20, 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C: true
        default: false
        }
    }

    /// Characters a local-name escape (`\!`) may stand for (PN_LOCAL_ESC).
    static func isLocalEscapable(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "!"),
             UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "%"):
            true
        default: false
        }
    }

    /// Decodes the UTF-8 scalar at `index` (the bytes were validated before they got here).
    /// Returns the scalar and its length, or nil if the sequence runs past `end`.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (value: UInt32, length: Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= end else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F) }
        return (value, length)
    }
}

/// A line and column (both 1-based, columns counted in characters as editors do).
struct TextPosition: Equatable {
    var line = 1
    var column = 1

    /// Moves over `bytes[range]`.
    mutating func advance(over bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        for index in range {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
    }
}

/// The result of scanning one token that may not be complete in the bytes at hand.
enum ScanResult: Equatable {
    /// The token ends before this offset.
    case complete(Int)
    /// The bytes end inside the token; more input is needed.
    case incomplete
    /// The token is malformed at this offset, for this reason.
    case invalid(Int, String)
}

/// Scanners for the terminals N-Triples, N-Quads, Turtle and TriG share.
///
/// Each takes the buffer, the start offset and the end of the available bytes and reports where
/// the token ends; `.incomplete` means the buffer ran out (the caller waits for the next chunk).
enum Terminals {
    /// IRIREF, starting at `<`. `decoded`, when given (and empty), receives the IRI with UCHARs
    /// unescaped, but only if it holds any: it stays empty for the usual IRI without escapes,
    /// whose bytes can be used as they are.
    static func iri(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decoded: UnsafeMutablePointer<[UInt8]>? = nil) -> ScanResult {
        var i = start + 1
        while i < end {
            let byte = b[i]
            switch byte {
            case UInt8(ascii: ">"):
                return .complete(i + 1)
            case UInt8(ascii: "\\"):
                switch unicodeEscape(b, i, end) {
                case .incomplete: return .incomplete
                case .invalid(let at, let why): return .invalid(at, why)
                case .value(let scalar, let next):
                    if CharacterClasses.isForbiddenInIRI(scalar) {
                        return .invalid(i, "the escape \(String(decoding: UnsafeBufferPointer(rebasing: b[i..<next]), as: UTF8.self)) encodes \(codePoint(scalar)), which an IRI cannot contain")
                    }
                    if let decoded {
                        if decoded.pointee.isEmpty { decoded.pointee.append(contentsOf: b[(start + 1)..<i]) }
                        decoded.pointee.append(contentsOf: utf8(scalar))
                    }
                    i = next
                    continue
                }
            default:
                if byte < 0x80 && CharacterClasses.isForbiddenInIRI(UInt32(byte)) {
                    let shown = byte <= 0x20 ? codePoint(UInt32(byte)) : "'\(Character(Unicode.Scalar(byte)))'"
                    return .invalid(i, "\(shown) is not allowed in an IRI; write it as a %-escape")
                }
                if let decoded, !decoded.pointee.isEmpty { decoded.pointee.append(byte) }
            }
            i += 1
        }
        return .incomplete
    }

    enum Escape {
        case value(UInt32, next: Int)
        case incomplete
        case invalid(Int, String)
    }

    /// UCHAR at a backslash: `\uXXXX` or `\UXXXXXXXX`, which must name a Unicode scalar value.
    static func unicodeEscape(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Escape {
        guard start + 1 < end else { return .incomplete }
        let digits: Int
        switch b[start + 1] {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default:
            return .invalid(start, "invalid escape \\\(Character(Unicode.Scalar(b[start + 1])))")
        }
        var value: UInt32 = 0
        for k in 0..<digits {
            let at = start + 2 + k
            guard at < end else { return .incomplete }
            guard CharacterClasses.isHex(b[at]) else {
                return .invalid(start, "\\\(digits == 4 ? "u" : "U") must be followed by \(digits) hex digits")
            }
            value = value &* 16 &+ CharacterClasses.hexValue(b[at])
        }
        if (0xD800...0xDFFF).contains(value) {
            return .invalid(start, "\(codePoint(value)) is a surrogate code point, not a character")
        }
        if value > 0x10FFFF {
            return .invalid(start, "\(codePoint(value)) is beyond the last Unicode character")
        }
        return .value(value, next: start + 2 + digits)
    }

    /// A string literal in any of the four quote styles, starting at its opening quote.
    /// `long` strings (`"""`, `'''`) may hold raw line breaks; the others may not.
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, allowLong: Bool, atEnd: Bool) -> ScanResult {
        let quote = b[start]
        var long = false
        var i = start + 1
        if allowLong {
            // `""` followed by anything but a third quote is an empty short string.
            guard start + 2 < end || atEnd else { return .incomplete }
            if start + 2 < end && b[start + 1] == quote && b[start + 2] == quote {
                long = true
                i = start + 3
            }
        }
        while i < end {
            let byte = b[i]
            if byte == quote {
                if !long { return .complete(i + 1) }
                guard i + 2 < end else { return .incomplete }
                // The first three quotes in a row close a long string (the grammar lets one or two
                // quotes stand inside only when a character other than a quote follows them).
                if b[i + 1] == quote && b[i + 2] == quote { return .complete(i + 3) }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                guard i + 1 < end else { return .incomplete }
                switch b[i + 1] {
                case UInt8(ascii: "t"), UInt8(ascii: "b"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "f"),
                     UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"):
                    i += 2
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    switch unicodeEscape(b, i, end) {
                    case .incomplete: return .incomplete
                    case .invalid(let at, let why): return .invalid(at, why)
                    case .value(_, let next): i = next
                    }
                default:
                    let shown = b[i + 1] < 0x80 && b[i + 1] > 0x20 ? "\\\(Character(Unicode.Scalar(b[i + 1])))" : "a backslash"
                    return .invalid(i, "invalid escape \(shown) in a string; only \\t \\b \\n \\r \\f \\\" \\' \\\\ \\u and \\U are allowed")
                }
            case 0x0A where !long, 0x0D where !long:
                return .invalid(i, "line break inside a string; write \\n, or use a long string (\"\"\"…\"\"\")")
            default:
                i += 1
            }
        }
        return .incomplete
    }

    /// BLANK_NODE_LABEL, starting at `_:`. A trailing '.' is not part of the label.
    static func blankNodeLabel(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, atEnd: Bool) -> ScanResult {
        var i = start + 2
        guard i < end else { return atEnd ? .invalid(start, "empty blank node label") : .incomplete }
        guard let first = CharacterClasses.scalar(in: b, at: i, end: end) else { return .incomplete }
        guard CharacterClasses.isNameStartOrUnderscore(first.value) || (first.value >= 0x30 && first.value <= 0x39) else {
            return .invalid(i, "a blank node label must start with a letter, digit or '_'")
        }
        i += first.length
        var lastNameEnd = i
        while i < end {
            guard let next = CharacterClasses.scalar(in: b, at: i, end: end) else { return .incomplete }
            if CharacterClasses.isNameChar(next.value) {
                i += next.length
                lastNameEnd = i
            } else if next.value == 0x2E {
                i += 1
            } else {
                return .complete(lastNameEnd)
            }
        }
        return atEnd ? .complete(lastNameEnd) : .incomplete
    }

    /// LANGTAG, starting at '@': `@[a-zA-Z]+('-'[a-zA-Z0-9]+)*`. Errors point at the '@'.
    static func languageTag(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, atEnd: Bool) -> ScanResult {
        var i = start + 1
        var subtagLength = 0
        var first = true
        while i < end {
            let byte = b[i]
            if CharacterClasses.isLetter(byte) || (!first && CharacterClasses.isDigit(byte)) {
                subtagLength += 1
            } else if byte == UInt8(ascii: "-") {
                guard subtagLength > 0 else { return .invalid(start, "malformed language tag: empty subtag") }
                first = false
                subtagLength = 0
            } else {
                break
            }
            i += 1
        }
        if i == end && !atEnd { return .incomplete }
        if subtagLength == 0 {
            return .invalid(start, first ? "malformed language tag: it must start with a letter" : "malformed language tag: it cannot end with '-'")
        }
        return .complete(i)
    }

    /// `U+0020`-style spelling of a code point, for messages.
    static func codePoint(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func utf8(_ scalar: UInt32) -> [UInt8] {
        Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
    }
}
