import RDF

/// Turtle and TriG: checks every token (`TurtleLexer`) and rewrites the few constructs Raptor
/// 2.0.15 reads wrongly into equivalent ones it reads right, chunk by chunk.
///
/// - Every IRIREF is resolved here (RFC 3986, `IRIResolver`) against the base in force, with its
///   `\u` escapes unescaped, and passed on absolute; `@base`/`BASE` update that base. Raptor's own
///   resolution mishandles empty path segments.
/// - Directives are passed on as `@prefix p: <iri> .` / `@base <iri> .` on one line: Raptor's
///   TriG reader takes `PREFIX p: <iri>` followed by `{` for a graph name, and neither reader
///   allows a line break right after `@prefix`. The line breaks inside a directive are written
///   after it, so later lines keep their numbers.
/// - TriG: the `GRAPH` keyword is dropped; a graph name is written directly before its `{` (Raptor
///   fails on a comment in between); a blank-node graph name (`_:g { … }`, `[] { … }`) becomes an
///   IRI that carries a per-parse random key, which `map(_:)` turns back into the blank node.
///
/// Everything else (white space, comments, literals, prefixed names) passes through as written.
final class TurtleRewriter: SyntaxFilter {
    // The work happens in value types held in local variables while a chunk is processed: the
    // compiler then checks exclusive access statically instead of on every byte appended.
    private var lexer: TurtleLexer
    private var rewriting: Rewriting

    init(trig: Bool, baseIRI: String, source: String) {
        lexer = TurtleLexer(trig: trig, source: source)
        rewriting = Rewriting(trig: trig, baseIRI: baseIRI, source: source)
    }

    func feed(_ chunk: UnsafeRawBufferPointer, isEnd: Bool, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var lexer = TurtleLexer(trig: false, source: "")
        var rewriting = Rewriting(trig: false, baseIRI: "", source: "")
        swap(&lexer, &self.lexer)
        swap(&rewriting, &self.rewriting)
        do {
            try lexer.feed(chunk, isEnd: isEnd) { token in try rewriting.accept(&token) }
            if isEnd { try rewriting.finish() }
        } catch {
            swap(&lexer, &self.lexer)
            swap(&rewriting, &self.rewriting)
            throw error
        }
        var output: [UInt8] = []
        swap(&output, &rewriting.output)
        swap(&lexer, &self.lexer)
        swap(&rewriting, &self.rewriting)
        // Raptor runs inside `emit` and calls `map(_:)`, which reads the rewriting state.
        if !output.isEmpty { try output.withUnsafeBytes { try emit($0) } }
        output.removeAll(keepingCapacity: true)
        swap(&output, &self.rewriting.output)
    }

    func map(_ quad: Quad) -> Quad {
        let prefix = rewriting.skolemPrefix
        guard case .iri(let name)? = quad.graph, name.hasPrefix(prefix),
              let index = Int(name.dropFirst(prefix.count)), rewriting.graphLabels.indices.contains(index) else { return quad }
        return Quad(quad.subject, quad.predicate, quad.object, graph: .blank(rewriting.graphLabels[index]))
    }
}

/// The rewriting state machine over tokens (see `TurtleRewriter`).
private struct Rewriting {
    private let trig: Bool
    private let source: String
    private var resolver: IRIResolver
    var output: [UInt8] = []

    /// Blank-node graph names are written as `<prefix + index>`; `graphLabels[index]` is the label.
    let skolemPrefix: String
    var graphLabels: [String] = []

    private enum State {
        /// Between statements, at the top level.
        case start
        /// Inside a triples statement at the top level; the nesting of `[` and `(`.
        case triples(nesting: Int)
        /// Inside a `{ … }` graph block (TriG).
        case block
        /// After `@prefix`/`PREFIX` or `@base`/`BASE`: the tokens read so far.
        case directive(Directive)
        /// TriG: after a term at the start of a statement, which is a graph name if `{` follows.
        case maybeGraph(term: [UInt8], blankLabel: String?, trivia: [UInt8], afterGraphKeyword: Bool)
        /// TriG: after `[` (and `]`) at the start of a statement: `[] {` names a graph.
        case maybeAnonymousGraph(closed: Bool, trivia: [UInt8], afterGraphKeyword: Bool)
        /// TriG: after `GRAPH`, before its graph name.
        case graphKeyword(TextPosition)
    }

    private struct Directive {
        var sparql: Bool
        var isBase: Bool
        var prefix: String?
        var iri: String?
        var newlines = 0
        var position: TextPosition
    }

    private var state = State.start
    private var blockDepth = 0

    init(trig: Bool, baseIRI: String, source: String) {
        self.trig = trig
        self.source = source
        self.resolver = IRIResolver(base: baseIRI)
        self.skolemPrefix = "urn:x-grapevine-blank-graph:\(String(UInt64.random(in: .min ... .max), radix: 36)):"
    }

    // MARK: - Tokens

    private func error(_ position: TextPosition, _ message: String) -> RDFSyntaxError {
        RDFSyntaxError(.syntax, message, source: source, line: position.line, column: position.column)
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) { output.append(contentsOf: bytes) }
    private mutating func write(_ text: String) { output.append(contentsOf: text.utf8) }
    private mutating func write(_ bytes: [UInt8]) { output.append(contentsOf: bytes) }
    private func newlines(in bytes: some Sequence<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

    /// The IRIREF resolved against the base in force.
    private func resolved(_ token: TurtleToken) -> String {
        var bytes: [UInt8] = []
        resolver.resolve(token.iri, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `<iri>` as Raptor should read it. The result holds only characters IRIREF allows, except
    /// when the base itself held some (a base IRI given from outside): those are %-encoded.
    private mutating func writeIRIText(_ iri: some Collection<UInt8>) {
        output.append(UInt8(ascii: "<"))
        if iri.contains(where: { $0 < 0x80 && CharacterClasses.isForbiddenInIRI(UInt32($0)) }) {
            let hex = Array("0123456789ABCDEF".utf8)
            for byte in iri {
                if byte < 0x80 && CharacterClasses.isForbiddenInIRI(UInt32(byte)) {
                    output.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                } else {
                    output.append(byte)
                }
            }
        } else {
            output.append(contentsOf: iri)
        }
        output.append(UInt8(ascii: ">"))
    }

    private mutating func iriText(_ iri: String) -> String {
        let mark = output.count
        writeIRIText(iri.utf8)
        defer { output.removeSubrange(mark...) }
        return String(decoding: output[mark...], as: UTF8.self)
    }

    private var scratch: [UInt8] = []

    /// Writes an IRIREF as Raptor should read it: absolute, unescaped, dot segments removed.
    private mutating func writeIRI(_ token: TurtleToken) {
        // Fast path, by far the common case: an absolute IRI without dot segments needs nothing
        // but its escapes undone (and most have none: then the bytes go on as written).
        if NTriplesChecker.isAbsolute(token.iri) && !Self.mayHaveDotSegments(token.iri) {
            if token.iriHadEscapes {
                output.append(UInt8(ascii: "<"))
                output.append(contentsOf: token.iri)
                output.append(UInt8(ascii: ">"))
            } else {
                output.append(contentsOf: token.bytes)
            }
            return
        }
        scratch.removeAll(keepingCapacity: true)
        resolver.resolve(token.iri, into: &scratch)
        writeIRIText(scratch)
    }

    /// Whether a '.' or '..' segment may be in the IRI (conservatively: "/." followed by '/', '.',
    /// '?', '#' or the end).
    private static func mayHaveDotSegments(_ iri: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 1 < iri.count {
            if iri[i] == UInt8(ascii: "/") && iri[i + 1] == UInt8(ascii: ".") {
                guard i + 2 < iri.count else { return true }
                switch iri[i + 2] {
                case UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "#"): return true
                default: break
                }
            }
            i += 1
        }
        return false
    }

    /// A token as Raptor should read it (IRIs resolved, everything else as written).
    private mutating func text(of token: TurtleToken) -> [UInt8] {
        if token.kind == .iri {
            let mark = output.count
            writeIRI(token)
            defer { output.removeSubrange(mark...) }
            return Array(output[mark...])
        }
        return Array(token.bytes)
    }

    private func isTrivia(_ token: TurtleToken) -> Bool { token.kind == .space || token.kind == .comment }

    mutating func accept(_ token: inout TurtleToken) throws {
        switch state {
        case .start:
            if isTrivia(token) { return write(token.bytes) }
            try startStatement(token)

        case .triples(let nesting):
            pass(token)
            if token.kind == .punctuation {
                switch token.bytes[0] {
                case UInt8(ascii: "["), UInt8(ascii: "("): state = .triples(nesting: nesting + 1)
                case UInt8(ascii: "]"), UInt8(ascii: ")"): state = .triples(nesting: max(0, nesting - 1))
                case UInt8(ascii: ".") where nesting == 0: state = .start
                default: break
                }
            }

        case .block:
            pass(token)
            if token.isPunctuation("{") { blockDepth += 1 }
            if token.isPunctuation("}") {
                blockDepth -= 1
                if blockDepth == 0 { state = .start }
            }

        case .directive(var directive):
            if isTrivia(token) {
                directive.newlines += newlines(in: token.bytes)
                state = .directive(directive)
                return
            }
            try continueDirective(&directive, token)

        case .maybeGraph(let term, let blankLabel, var trivia, let afterGraphKeyword):
            if isTrivia(token) {
                trivia.append(contentsOf: token.bytes)
                state = .maybeGraph(term: term, blankLabel: blankLabel, trivia: trivia, afterGraphKeyword: afterGraphKeyword)
                return
            }
            if token.isPunctuation("{") {
                // Raptor reads a graph name only when `{` follows it directly.
                if let blankLabel {
                    write(iriText(skolemPrefix + String(graphLabels.count)))
                    graphLabels.append(blankNodeLabel(written: blankLabel))
                } else {
                    write(term)
                }
                write(" {")
                write(String(repeating: "\n", count: newlines(in: trivia)))
                openBlock()
                return
            }
            if afterGraphKeyword {
                throw error(token.position, "expected '{' after the graph name that follows GRAPH, found '\(token.text)'")
            }
            write(term)
            write(trivia)
            state = .triples(nesting: 0)
            try accept(&token)

        case .maybeAnonymousGraph(let closed, var trivia, let afterGraphKeyword):
            if isTrivia(token) {
                trivia.append(contentsOf: token.bytes)
                state = .maybeAnonymousGraph(closed: closed, trivia: trivia, afterGraphKeyword: afterGraphKeyword)
                return
            }
            if !closed && token.isPunctuation("]") {
                state = .maybeAnonymousGraph(closed: true, trivia: trivia, afterGraphKeyword: afterGraphKeyword)
                return
            }
            if closed && token.isPunctuation("{") {
                write(iriText(skolemPrefix + String(graphLabels.count)))
                graphLabels.append(freshBlankNodeLabel())
                write(" {")
                write(String(repeating: "\n", count: newlines(in: trivia)))
                openBlock()
                return
            }
            if afterGraphKeyword {
                throw error(token.position, "expected \(closed ? "'{'" : "']'") in the graph name that follows GRAPH, found '\(token.text)'")
            }
            // A blank node property list (`[ :p :o ] …`) or `[]` as a subject: a triples statement.
            write("[")
            if closed {
                write(trivia)
                write("]")
                state = .triples(nesting: 0)
            } else {
                write(trivia)
                state = .triples(nesting: 1)
            }
            try accept(&token)

        case .graphKeyword(let position):
            if isTrivia(token) { return write(token.bytes) }
            switch token.kind {
            case .iri, .prefixedName, .prefixOnly:
                state = .maybeGraph(term: text(of: token), blankLabel: nil, trivia: [], afterGraphKeyword: true)
            case .blankNode:
                state = .maybeGraph(term: [], blankLabel: String(token.text.dropFirst(2)), trivia: [], afterGraphKeyword: true)
            case .punctuation where token.isPunctuation("["):
                state = .maybeAnonymousGraph(closed: false, trivia: [], afterGraphKeyword: true)
            default:
                throw error(position, "GRAPH must be followed by a graph name (an IRI or blank node), found '\(token.text)'")
            }
        }
    }

    private mutating func pass(_ token: TurtleToken) {
        if token.kind == .iri { writeIRI(token) } else { write(token.bytes) }
    }

    private mutating func openBlock() {
        blockDepth = 1
        state = .block
    }

    private mutating func startStatement(_ token: TurtleToken) throws {
        switch token.kind {
        case .atPrefix, .atBase:
            state = .directive(Directive(sparql: false, isBase: token.kind == .atBase, position: token.position))
        case .word where token.isWord("prefix") || token.isWord("base"):
            state = .directive(Directive(sparql: true, isBase: token.isWord("base"), position: token.position))
        case .word where trig && token.isWord("graph"):
            state = .graphKeyword(token.position)
        case .punctuation where trig && token.isPunctuation("{"):
            write(token.bytes)
            openBlock()
        case .iri where trig, .prefixedName where trig, .prefixOnly where trig:
            state = .maybeGraph(term: text(of: token), blankLabel: nil, trivia: [], afterGraphKeyword: false)
        case .blankNode where trig:
            state = .maybeGraph(term: Array(token.bytes), blankLabel: String(token.text.dropFirst(2)), trivia: [], afterGraphKeyword: false)
        case .punctuation where trig && token.isPunctuation("["):
            state = .maybeAnonymousGraph(closed: false, trivia: [], afterGraphKeyword: false)
        default:
            state = .triples(nesting: 0)
            var token = token
            try accept(&token)
        }
    }

    private mutating func continueDirective(_ directive: inout Directive, _ token: TurtleToken) throws {
        let name = directive.isBase ? (directive.sparql ? "BASE" : "@base") : (directive.sparql ? "PREFIX" : "@prefix")
        if !directive.isBase && directive.prefix == nil {
            guard token.kind == .prefixOnly else {
                throw error(token.position, "expected a prefix name ending in ':' after \(name), found '\(token.text)'")
            }
            directive.prefix = token.text
            state = .directive(directive)
            return
        }
        if directive.iri == nil {
            guard token.kind == .iri else {
                throw error(token.position, "expected an IRI in <…> after \(name)\(directive.prefix.map { " " + $0 } ?? ""), found '\(token.text)'")
            }
            let iri = resolved(token)
            directive.iri = iri
            if directive.sparql {
                try endDirective(directive)
            } else {
                state = .directive(directive)
            }
            return
        }
        guard token.isPunctuation(".") else {
            throw error(token.position, "expected '.' to end the \(name) directive, found '\(token.text)'")
        }
        try endDirective(directive)
    }

    private mutating func endDirective(_ directive: Directive) throws {
        guard let iri = directive.iri else { return }
        if directive.isBase {
            resolver = IRIResolver(base: iri)
            write("@base \(iriText(iri)) .")
        } else {
            write("@prefix \(directive.prefix ?? ":") \(iriText(iri)) .")
        }
        write(String(repeating: "\n", count: directive.newlines))
        state = .start
    }

    /// At the end of the document: whatever is still held is incomplete or passed on.
    mutating func finish() throws {
        switch state {
        case .directive(let directive):
            throw error(directive.position, "the document ends inside a \(directive.isBase ? "base" : "prefix") directive")
        case .graphKeyword(let position):
            throw error(position, "the document ends after GRAPH")
        case .maybeGraph(let term, let blankLabel, let trivia, let afterGraphKeyword):
            if afterGraphKeyword { throw RDFSyntaxError(.syntax, "the document ends before the graph block", source: source) }
            write(blankLabel.map { Array("_:\($0)".utf8) } ?? term)
            write(trivia)
        case .maybeAnonymousGraph(let closed, let trivia, _):
            write("[")
            write(trivia)
            if closed { write("]") }
        case .start, .triples, .block:
            break
        }
        state = .start
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
