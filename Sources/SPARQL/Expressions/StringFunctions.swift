import Foundation
import RDF

/// Functions on strings (§17.4.3). Lengths and positions count Unicode code points, not
/// grapheme clusters or UTF-16 units; matching is by code point, not canonical equivalence.
enum StringFunctions {
    static func strlen(_ term: Term) throws -> Term {
        ResultTerm.integer(try StringArgument(term).lexical.unicodeScalars.count)
    }

    /// SUBSTR (fn:substring): the code points at 1-based positions p with
    /// round(start) ≤ p < round(start) + round(length).
    static func substr(_ term: Term, _ start: Term, _ length: Term?) throws -> Term {
        let source = try StringArgument(term)
        guard let startValue = NumericValue(start) else { throw ExpressionError("SUBSTR start is not numeric") }
        let first = startValue.rounded(.halfUp).doubleValue
        var end = Double.infinity
        if let length {
            guard let lengthValue = NumericValue(length) else { throw ExpressionError("SUBSTR length is not numeric") }
            end = first + lengthValue.rounded(.halfUp).doubleValue
        }
        var scalars = String.UnicodeScalarView()
        if !first.isNaN, !end.isNaN {
            var position = 1.0
            for scalar in source.lexical.unicodeScalars {
                if position >= end { break }
                if position >= first { scalars.append(scalar) }
                position += 1
            }
        }
        return source.with(String(scalars))
    }

    static func ucase(_ term: Term) throws -> Term {
        let source = try StringArgument(term)
        return source.with(source.lexical.uppercased())
    }

    static func lcase(_ term: Term) throws -> Term {
        let source = try StringArgument(term)
        return source.with(source.lexical.lowercased())
    }

    /// ENCODE_FOR_URI: every UTF-8 byte outside the unreserved set `A-Z a-z 0-9 - _ . ~` as `%XX`.
    static func encodeForURI(_ term: Term) throws -> Term {
        let source = try StringArgument(term)
        var encoded = ""
        for byte in source.lexical.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0xF)
            }
        }
        return .literal(encoded)
    }

    private static func hexDigit(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10))
    }

    /// CONCAT: the tag survives only when every argument has it; otherwise a simple literal.
    static func concat(_ terms: [Term]) throws -> Term {
        let arguments = try terms.map(StringArgument.init)
        let text = arguments.map(\.lexical).joined()
        if let language = arguments.first?.language, arguments.allSatisfy({ $0.language == language }) {
            return .literal(text, language: language)
        }
        return .literal(text)
    }

    static func contains(_ a: Term, _ b: Term) throws -> Bool {
        let (x, y) = try compatible(a, b)
        return find(y.lexical, in: x.lexical) != nil
    }

    static func strstarts(_ a: Term, _ b: Term) throws -> Bool {
        let (x, y) = try compatible(a, b)
        return x.lexical.utf8.starts(with: y.lexical.utf8)
    }

    static func strends(_ a: Term, _ b: Term) throws -> Bool {
        let (x, y) = try compatible(a, b)
        return x.lexical.utf8.reversed().starts(with: y.lexical.utf8.reversed())
    }

    /// STRBEFORE: the part before the first match, with the first argument's tag; no match gives
    /// an empty simple literal.
    static func strbefore(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try compatible(a, b)
        guard let range = find(y.lexical, in: x.lexical) else { return .literal("") }
        return x.with(String(decoding: Array(x.lexical.utf8)[..<range.lowerBound], as: UTF8.self))
    }

    /// STRAFTER: the part after the first match, with the first argument's tag; no match gives an
    /// empty simple literal.
    static func strafter(_ a: Term, _ b: Term) throws -> Term {
        let (x, y) = try compatible(a, b)
        guard let range = find(y.lexical, in: x.lexical) else { return .literal("") }
        return x.with(String(decoding: Array(x.lexical.utf8)[range.upperBound...], as: UTF8.self))
    }

    private static func compatible(_ a: Term, _ b: Term) throws -> (StringArgument, StringArgument) {
        let (x, y) = (try StringArgument(a), try StringArgument(b))
        try StringArgument.checkCompatible(x, y)
        return (x, y)
    }

    /// The byte range of the first occurrence of `needle` in `haystack`, by UTF-8 bytes (which is
    /// code point matching: UTF-8 never matches in the middle of a character).
    static func find(_ needle: String, in haystack: String) -> Range<Int>? {
        let hay = Array(haystack.utf8)
        let pin = Array(needle.utf8)
        if pin.isEmpty { return 0..<0 }
        guard pin.count <= hay.count else { return nil }
        var start = 0
        while start + pin.count <= hay.count {
            if hay[start] == pin[0], hay[start..<start + pin.count].elementsEqual(pin) { return start..<start + pin.count }
            start += 1
        }
        return nil
    }

    /// REGEX(text, pattern, flags): text a string literal, pattern and flags simple literals.
    static func regex(_ text: Term, _ pattern: Term, _ flags: Term?, cache: XPathRegex) throws -> Bool {
        let source = try StringArgument(text)
        let regex = try cache.compile(try StringArgument.simple(pattern), flags: try flags.map(StringArgument.simple) ?? "")
        return XPathRegex.matches(regex, source.lexical)
    }

    /// REPLACE(text, pattern, replacement, flags): keeps the text's tag.
    static func replace(_ text: Term, _ pattern: Term, _ replacement: Term, _ flags: Term?, cache: XPathRegex) throws -> Term {
        let source = try StringArgument(text)
        let flagText = try flags.map(StringArgument.simple) ?? ""
        let regex = try cache.compile(try StringArgument.simple(pattern), flags: flagText)
        let replaced = try XPathRegex.replace(
            source.lexical, regex, with: try StringArgument.simple(replacement), literalReplacement: flagText.contains("q")
        )
        return source.with(replaced)
    }
}
