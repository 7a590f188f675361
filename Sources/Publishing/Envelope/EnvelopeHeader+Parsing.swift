import Foundation
import RDFSyntax

extension EnvelopeHeader {
    /// The head's lines after the first, in the one order they may appear.
    private enum Field: String, CaseIterable {
        case publisher, graph, version, issued, expires, syntax, base, length, digest, signature

        var isOptional: Bool { self == .expires || self == .syntax || self == .base }
    }

    /// Parses the head at the start of `bytes` (which may go on into the body).
    ///
    /// Returns the head and how many bytes it takes (through the blank line). Nothing about the
    /// body or the signature is checked here; `Envelope` does that.
    public static func parse(_ bytes: some RandomAccessCollection<UInt8>) throws(EnvelopeError) -> (header: EnvelopeHeader, headLength: Int) {
        var lines = LineReader(bytes)
        let first = try lines.next()
        guard first.text == formatLine else {
            throw EnvelopeError(.malformed, line: 1, "not a Grapevine envelope (the first line must be \(formatLine))")
        }
        var values: [Field: (text: Substring, line: Int)] = [:]
        var expected = 0
        var signatureStart = 0
        while values[.signature] == nil {
            let line = try lines.next()
            guard let separator = line.text.range(of: ": ") else {
                throw EnvelopeError(.malformed, line: line.number, "expected 'name: value'")
            }
            let name = line.text[..<separator.lowerBound]
            guard let field = Field(rawValue: String(name)) else {
                throw EnvelopeError(.malformed, line: line.number, "unknown field '\(name)'")
            }
            let position = Field.allCases.firstIndex(of: field)!
            guard position >= expected else {
                throw EnvelopeError(.malformed, line: line.number, "'\(name)' is repeated or out of order")
            }
            if let missing = Field.allCases[expected..<position].first(where: { !$0.isOptional }) {
                throw EnvelopeError(.malformed, line: line.number, "'\(missing.rawValue)' is missing (it comes before '\(name)')")
            }
            expected = position + 1
            if field == .signature { signatureStart = line.start }
            values[field] = (line.text[separator.upperBound...], line.number)
        }
        let blank = try lines.next()
        guard blank.text.isEmpty else {
            throw EnvelopeError(.malformed, line: blank.number, "expected the blank line that ends the head")
        }

        func value<T>(_ field: Field, _ problem: String, _ read: (Substring) -> T?) throws(EnvelopeError) -> T? {
            guard let (text, line) = values[field] else { return nil }
            guard let parsed = read(text) else { throw EnvelopeError(.malformed, line: line, problem) }
            return parsed
        }
        let publisher = try value(.publisher, "publisher is not a peer id (52 lowercase base32 characters)") { text in
            PeerID(text).flatMap { $0.description == text ? $0 : nil }
        }!
        let graph = try value(.graph, "graph is not an absolute IRI") { IRIText.isAbsolute($0) ? String($0) : nil }!
        let version = try value(.version, "version is not a number") { decimal($0) }!
        let issued = try value(.issued, "issued is not a UTC time like 2026-11-26T19:00:00Z") { UTCTimestamp.parse($0) }!
        let expires = try value(.expires, "expires is not a UTC time like 2026-11-26T19:00:00Z") { UTCTimestamp.parse($0) }
        let syntax = try value(.syntax, "syntax is not one of \(Syntax.allCases.map(\.rawValue).joined(separator: ", "))") {
            Syntax(rawValue: String($0))
        }
        let base = try value(.base, "base is not an absolute IRI") { IRIText.isAbsolute($0) ? String($0) : nil }
        let length = try value(.length, "length is not a number") { decimal($0) }!
        let digest = try value(.digest, "digest is not 'sha256:' and 64 lowercase hex digits") { text in
            text.hasPrefix("sha256:") ? Hex.decode(text.dropFirst(7)).flatMap { $0.count == 32 ? $0 : nil } : nil
        }!
        let signature = try value(.signature, "signature is not the base64 of 64 bytes") { text in
            Data(base64Encoded: String(text)).flatMap { $0.count == 64 ? [UInt8]($0) : nil }
        }!

        let header = EnvelopeHeader(publisher: publisher, graph: graph, version: version, issued: issued,
                                    expires: expires, syntax: syntax, base: base, length: length,
                                    digest: digest, signature: signature)
        if version < 1 { throw EnvelopeError(.malformed, line: values[.version]!.line, "version must be at least 1") }
        if base == graph { throw EnvelopeError(.malformed, line: values[.base]!.line, "base repeats the graph IRI; leave it out") }
        if (syntax == nil) != (length == 0) {
            throw EnvelopeError(.malformed, line: values[.syntax]?.line ?? values[.length]!.line,
                                length == 0 ? "a retraction (length 0) has no syntax" : "a body needs a syntax line")
        }
        if let expires, expires <= issued {
            throw EnvelopeError(.malformed, line: values[.expires]!.line, "expires is not after issued")
        }
        if let problem = header.problem { throw EnvelopeError(.malformed, problem) }
        // Every value above has one spelling, so the head must render back to its own bytes;
        // anything else (say, a non-canonical base64 padding) would be a second form of one head.
        let headLength = blank.end
        guard header.signedBytes.elementsEqual(bytes.prefix(signatureStart)),
              header.bytes.elementsEqual(bytes.prefix(headLength)) else {
            throw EnvelopeError(.malformed, "the head is not in canonical form")
        }
        return (header, headLength)
    }

    /// A decimal without sign or leading zeros, at most `maxNumber`.
    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 16, text.utf8.allSatisfy({ (48...57).contains($0) }),
              text == "0" || !text.hasPrefix("0"), let value = Int(text), value <= maxNumber else { return nil }
        return value
    }
}

/// Splits the head into lines, refusing what the format never holds: a head over 16 KiB, bytes
/// that are not UTF-8, control characters.
private struct LineReader<Bytes: RandomAccessCollection<UInt8>> {
    struct Line {
        var text: Substring
        var number: Int
        /// Offsets of the line's first byte and of the byte after its line feed.
        var start: Int
        var end: Int
    }

    let bytes: Bytes
    var offset = 0
    var number = 0

    init(_ bytes: Bytes) { self.bytes = bytes }

    mutating func next() throws(EnvelopeError) -> Line {
        number += 1
        let start = offset
        var index = bytes.index(bytes.startIndex, offsetBy: offset)
        var line: [UInt8] = []
        while true {
            guard offset < EnvelopeHeader.maxHeadBytes else {
                throw EnvelopeError(.tooLarge, line: number, "the head is longer than \(EnvelopeHeader.maxHeadBytes) bytes")
            }
            guard index != bytes.endIndex else {
                throw EnvelopeError(.truncated, line: number, "the envelope ends inside its head")
            }
            let byte = bytes[index]
            index = bytes.index(after: index)
            offset += 1
            if byte == UInt8(ascii: "\n") { break }
            if byte < 0x20 || byte == 0x7F {
                throw EnvelopeError(.malformed, line: number, "control character 0x\(String(byte, radix: 16)) in the head")
            }
            line.append(byte)
        }
        guard let text = String(bytes: line, encoding: .utf8) else {
            throw EnvelopeError(.malformed, line: number, "the line is not UTF-8")
        }
        return Line(text: Substring(text), number: number, start: start, end: offset)
    }
}
