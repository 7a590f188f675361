import RDF

/// Checks N-Triples and N-Quads line by line against the RDF 1.1 grammars (N-Triples §7,
/// N-Quads §5) before Raptor reads them.
///
/// Raptor's reader accepts a statement without its final '.', language tags like `@en-`, labels
/// like `_::a` and `_:abc:def`, and takes the '.' of `_:o.` as part of the label. This checker
/// rejects the first three with line and column, and `map(_:)` repairs the last (a label cannot end
/// with '.', so a trailing '.' on one of Raptor's labels is always the statement's end).
///
/// Every statement sits on one line, so the checker keeps at most one unfinished line between
/// chunks: memory stays flat however large the document.
final class NTriplesChecker: SyntaxFilter {
    private let quads: Bool
    private let source: String
    /// The unfinished last line of the previous chunk.
    private var carry: [UInt8] = []
    /// The 1-based number of the line that starts the next unchecked byte.
    private var line = 1
    private var decoded: [UInt8] = []

    init(quads: Bool, source: String) {
        self.quads = quads
        self.source = source
    }

    func feed(_ chunk: UnsafeRawBufferPointer, isEnd: Bool, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        if !carry.isEmpty {
            // Complete the carried line with this chunk's first line and check it on its own.
            let lineEnd = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D })
            if let lineEnd {
                carry.append(contentsOf: bytes[0..<lineEnd])
                start = lineEnd
            } else {
                carry.append(contentsOf: bytes)
                start = bytes.count
            }
            if lineEnd != nil || isEnd {
                try carry.withUnsafeBufferPointer { try checkLines($0, 0, $0.count, final: true) }
                carry.removeAll(keepingCapacity: true)
            }
        }
        if start < bytes.count {
            let lastBreak = isEnd ? bytes.count : ((start..<bytes.count).last { bytes[$0] == 0x0A || bytes[$0] == 0x0D }.map { $0 + 1 } ?? start)
            try checkLines(bytes, start, lastBreak, final: isEnd)
            carry.append(contentsOf: bytes[lastBreak..<bytes.count])
        }
        try emit(chunk)
    }

    func map(_ quad: Quad) -> Quad {
        func repair(_ term: Term) -> Term {
            if case .blank(let label) = term, label.hasSuffix(".") {
                return .blank(String(label.reversed().drop { $0 == "." }.reversed()))
            }
            return term
        }
        return Quad(repair(quad.subject), quad.predicate, repair(quad.object), graph: quad.graph.map(repair))
    }

    /// Checks the complete lines in `b[start..<end]` (line breaks included).
    private func checkLines(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, final: Bool) throws {
        var lineStart = start
        var i = start
        while i <= end {
            if i == end || b[i] == 0x0A || b[i] == 0x0D {
                if i > lineStart { try checkStatement(b, lineStart, i) }
                if i < end && b[i] == 0x0A { line += 1 }
                lineStart = i + 1
            }
            i += 1
        }
    }

    private func fail(_ b: UnsafeBufferPointer<UInt8>, lineStart: Int, at offset: Int, _ message: String) -> RDFSyntaxError {
        var column = 1
        for k in lineStart..<min(offset, b.count) where b[k] & 0xC0 != 0x80 { column += 1 }
        return RDFSyntaxError(.syntax, message, source: source, line: line, column: column)
    }

    /// One line: `subject predicate object [graph] '.'`, optionally followed by a comment, or only
    /// white space and a comment.
    private func checkStatement(_ b: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ end: Int) throws {
        var i = lineStart
        func skipSpace() { while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 } }
        func describe(_ at: Int) -> String {
            guard at < end else { return "the end of the line" }
            guard let scalar = CharacterClasses.scalar(in: b, at: at, end: end), let u = Unicode.Scalar(scalar.value) else { return "a broken character" }
            return scalar.value <= 0x20 ? Terminals.codePoint(scalar.value) : "'\(Character(u))'"
        }
        func iri(_ role: String) throws {
            let tokenStart = i
            decoded.removeAll(keepingCapacity: true)
            switch withUnsafeMutablePointer(to: &decoded, { Terminals.iri(b, i, end, decoded: $0) }) {
            case .complete(let next): i = next
            case .incomplete: throw fail(b, lineStart: lineStart, at: tokenStart, "unterminated IRI (no '>' on this line)")
            case .invalid(let at, let why): throw fail(b, lineStart: lineStart, at: at, why)
            }
            let absolute = decoded.isEmpty ? Self.isAbsolute(b[(tokenStart + 1)..<(i - 1)]) : Self.isAbsolute(decoded)
            if !absolute {
                let value = decoded.isEmpty ? Array(b[(tokenStart + 1)..<(i - 1)]) : decoded
                throw fail(b, lineStart: lineStart, at: tokenStart,
                           "the \(role) IRI <\(String(decoding: value, as: UTF8.self))> is relative; \(quads ? "N-Quads" : "N-Triples") IRIs must be absolute")
            }
        }
        func blank() throws {
            switch Terminals.blankNodeLabel(b, i, end, atEnd: true) {
            case .complete(let next): i = next
            case .incomplete: throw fail(b, lineStart: lineStart, at: i, "unterminated blank node label")
            case .invalid(let at, let why): throw fail(b, lineStart: lineStart, at: at, why)
            }
        }
        func node(_ role: String, literal: Bool) throws {
            guard i < end else { throw fail(b, lineStart: lineStart, at: i, "the statement ends before its \(role)") }
            switch b[i] {
            case UInt8(ascii: "<"):
                try iri(role)
            case UInt8(ascii: "_") where i + 1 < end && b[i + 1] == UInt8(ascii: ":"):
                try blank()
            case UInt8(ascii: "\"") where literal:
                switch Terminals.string(b, i, end, allowLong: false, atEnd: true) {
                case .complete(let next): i = next
                case .incomplete: throw fail(b, lineStart: lineStart, at: i, "unterminated string (no closing '\"' on this line)")
                case .invalid(let at, let why): throw fail(b, lineStart: lineStart, at: at, why)
                }
                if i < end && b[i] == UInt8(ascii: "@") {
                    switch Terminals.languageTag(b, i, end, atEnd: true) {
                    case .complete(let next): i = next
                    case .incomplete: throw fail(b, lineStart: lineStart, at: i, "unterminated language tag")
                    case .invalid(let at, let why): throw fail(b, lineStart: lineStart, at: at, why)
                    }
                } else if i + 1 < end && b[i] == UInt8(ascii: "^") && b[i + 1] == UInt8(ascii: "^") {
                    i += 2
                    guard i < end && b[i] == UInt8(ascii: "<") else {
                        throw fail(b, lineStart: lineStart, at: i, "expected a datatype IRI after '^^', found \(describe(i))")
                    }
                    try iri("datatype")
                }
            default:
                let expected = role == "predicate" ? "an IRI" : literal ? "an IRI, blank node or literal" : "an IRI or blank node"
                throw fail(b, lineStart: lineStart, at: i, "expected \(expected) as the \(role), found \(describe(i))")
            }
        }

        skipSpace()
        if i == end || b[i] == UInt8(ascii: "#") { return }
        try node("subject", literal: false)
        skipSpace()
        guard i < end && b[i] == UInt8(ascii: "<") else {
            throw fail(b, lineStart: lineStart, at: i, "expected an IRI as the predicate, found \(describe(i))")
        }
        try iri("predicate")
        skipSpace()
        try node("object", literal: true)
        skipSpace()
        if quads && i < end && b[i] != UInt8(ascii: ".") {
            try node("graph", literal: false)
            skipSpace()
        }
        guard i < end && b[i] == UInt8(ascii: ".") else {
            throw fail(b, lineStart: lineStart, at: i, "expected '.' to end the statement, found \(describe(i))")
        }
        i += 1
        skipSpace()
        if i < end && b[i] != UInt8(ascii: "#") {
            throw fail(b, lineStart: lineStart, at: i, "unexpected \(describe(i)) after the statement's '.'")
        }
    }

    /// RFC 3986 absolute IRI: a scheme (`[A-Za-z][A-Za-z0-9+.-]*`) and ':'.
    static func isAbsolute(_ iri: some Collection<UInt8>) -> Bool {
        guard let first = iri.first, CharacterClasses.isLetter(first) else { return false }
        for byte in iri.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard CharacterClasses.isLetter(byte) || CharacterClasses.isDigit(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }
}
