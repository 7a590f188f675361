import RDF

/// The strict layer: what Grapevine adds in front of and behind Raptor so that the documents it
/// accepts are exactly the ones the RDF 1.1 syntax specifications accept.
///
/// Raptor 2.0.15 stays the parser: it reads every document and produces every triple. But it is
/// lenient in places and behind the specifications in others (measured with the W3C suites, see
/// Tests/ConformanceTests: `rapper` alone passes 943 of 992): its N-Triples reader accepts lines
/// without the final '.', bad language tags and `_::a` labels, and takes the '.' of `_:o.` into
/// the label; its Turtle and TriG readers accept `\uD800` (a surrogate, which then becomes a
/// broken character); it resolves `../` against bases holding `//` wrongly; its TriG reader
/// knows neither the `GRAPH` keyword, nor blank-node graph names, nor SPARQL-style `PREFIX`/`BASE`
/// followed by a graph block, nor a line break after `@prefix`; and its RDF/XML reader only warns
/// about the removed `rdf:aboutEach`. The layer corrects these in three ways:
///
/// 1. **Lexical checks** (`NTriplesChecker`, `TurtleLexer`): a tokenizer walks the same chunks
///    Raptor reads, before Raptor reads them, and rejects what the grammar forbids, with line and
///    column. For N-Triples and N-Quads, whose grammar is one statement per line, the checker
///    checks the whole grammar. It keeps no more than the current line (N-Triples, N-Quads) or
///    token (Turtle, TriG) between chunks, so memory stays flat.
/// 2. **Rewriting into what Raptor reads correctly** (`TurtleRewriter`, Turtle and TriG only):
///    relative IRIs are resolved here by RFC 3986 and handed to Raptor absolute; directives are
///    passed on in the `@prefix … .` form; `GRAPH` is dropped; a blank-node graph name becomes an
///    IRI that no document can write (it carries a per-parse random key) and is turned back into the
///    blank node when the quads come out. Line breaks are kept, so Raptor's own messages keep
///    their line numbers. A byte order mark at the start is dropped (`ByteOrderMarkStripper`).
/// 3. **Post-checks** on what Raptor reports: warnings that the specifications make errors are
///    raised as errors, and the term fixes of step 2 are undone (`map(_:)`).
///
/// Grammar errors that are not lexical (a missing object, a misplaced `}`) are left to Raptor,
/// which finds them reliably. What remains wrong is listed, with reasons, in
/// Tests/ConformanceTests/known-failures.txt.
protocol SyntaxFilter: AnyObject {
    /// Checks (and may rewrite) one chunk, handing Raptor's input to `emit`. Called once more with
    /// an empty chunk and `isEnd` at the end of the document.
    func feed(_ chunk: UnsafeRawBufferPointer, isEnd: Bool, emit: (UnsafeRawBufferPointer) throws -> Void) throws
    /// Corrects a quad Raptor produced (blank-node graph names, blank-node labels).
    func map(_ quad: Quad) -> Quad
    /// Whether a Raptor warning is an error under the specification.
    func isError(warning: String) -> Bool
}

extension SyntaxFilter {
    func map(_ quad: Quad) -> Quad { quad }
    func isError(warning: String) -> Bool { false }
}

enum StrictLayer {
    /// The filter for a syntax, or nil where Raptor needs none.
    static func filter(for syntax: Syntax, baseIRI: String, source: String) -> (any SyntaxFilter)? {
        switch syntax {
        case .ntriples: ByteOrderMarkStripper(NTriplesChecker(quads: false, source: source))
        case .nquads: ByteOrderMarkStripper(NTriplesChecker(quads: true, source: source))
        case .turtle: ByteOrderMarkStripper(TurtleRewriter(trig: false, baseIRI: baseIRI, source: source))
        case .trig: ByteOrderMarkStripper(TurtleRewriter(trig: true, baseIRI: baseIRI, source: source))
        case .rdfxml: RDFXMLWarnings()
        case .rssTagSoup: nil
        }
    }
}

/// Drops a UTF-8 byte order mark at the start of a document. Editors on Windows write one; it is
/// not content, but Raptor's Turtle and N-Triples readers fail on it ("syntax error at '�'").
final class ByteOrderMarkStripper: SyntaxFilter {
    private let inner: any SyntaxFilter
    /// The first bytes, held until there are enough to tell whether they are a BOM.
    private var head: [UInt8] = []
    private var started = false
    private static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(_ inner: any SyntaxFilter) { self.inner = inner }

    func feed(_ chunk: UnsafeRawBufferPointer, isEnd: Bool, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        if started { return try inner.feed(chunk, isEnd: isEnd, emit: emit) }
        head.append(contentsOf: chunk)
        if head.count < 3 && Self.mark.starts(with: head) && !isEnd { return }
        started = true
        let body = head.starts(with: Self.mark) ? Array(head.dropFirst(3)) : head
        head = []
        try body.withUnsafeBytes { try inner.feed($0, isEnd: isEnd, emit: emit) }
    }

    func map(_ quad: Quad) -> Quad { inner.map(quad) }
    func isError(warning: String) -> Bool { inner.isError(warning: warning) }
}

/// RDF/XML: Raptor reads `rdf:aboutEach` and `rdf:aboutEachPrefix` with only a warning and drops
/// the element, but RDF 1.1 (RDF/XML §5.1, and the W3C tests rdfms-abouteach-error001/002) removed
/// them from the language: a document that uses them is in error.
final class RDFXMLWarnings: SyntaxFilter {
    func feed(_ chunk: UnsafeRawBufferPointer, isEnd: Bool, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        try emit(chunk)
    }

    func isError(warning: String) -> Bool { warning.contains("aboutEach") }
}
