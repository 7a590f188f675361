import CRaptor
import Foundation
import RDF

/// What to parse and how.
public struct ParseOptions: Sendable {
    /// The syntax; nil detects it from the file extension, then from the content.
    public var syntax: Syntax?
    /// Base IRI for relative references; nil uses the file's own `file:` URL.
    public var baseIRI: String?
    /// Refuse documents larger than this many bytes.
    public var maxBytes: Int?
    /// Quads handed to the consumer at a time; bounds memory for syntaxes Raptor streams.
    public var batchSize: Int

    public init(syntax: Syntax? = nil, baseIRI: String? = nil, maxBytes: Int? = nil, batchSize: Int = 4096) {
        self.syntax = syntax
        self.baseIRI = baseIRI
        self.maxBytes = maxBytes
        self.batchSize = batchSize
    }
}

/// What a parse found, besides the quads themselves.
public struct ParseSummary: Sendable {
    public var syntax: Syntax
    public var quadCount: Int
    public var byteCount: Int
    /// Warnings Raptor reported without failing the parse.
    public var warnings: [RDFSyntaxError]
}

/// Parses RDF through Raptor, streaming quads to a consumer in batches.
///
/// This is the one parse path of Grapevine: `publish`, `convert`, the HTTP API and the
/// conformance suite all come through here, so a fix here fixes all of them.
public enum RDFParser {
    /// Parses `source`, calling `consume` with batches of quads and `observe` with every raw chunk
    /// (so a caller can digest or keep the exact bytes without reading the source twice).
    @discardableResult
    public static func parse(
        _ source: DocumentSource,
        options: ParseOptions = ParseOptions(),
        observe: ((UnsafeRawBufferPointer) throws -> Void)? = nil,
        consume: ([Quad]) throws -> Void
    ) throws -> ParseSummary {
        try withoutActuallyEscaping(consume) { consume in
            try parse(source, options: options, observe: observe, session: ParseSession(source: source, options: options, consume: consume))
        }
    }

    private static func parse(
        _ source: DocumentSource,
        options: ParseOptions,
        observe: ((UnsafeRawBufferPointer) throws -> Void)?,
        session: ParseSession
    ) throws -> ParseSummary {
        let reader = try ChunkReader(source, limit: options.maxBytes)
        var validator = UTF8Validator()
        var started = false
        var syntax = options.syntax ?? source.fileExtension.flatMap { Syntax(fileExtension: $0) }

        while try reader.next({ chunk in
            try observe?(chunk)
            if !started {
                if syntax == nil { syntax = Syntax.sniff(Array(chunk)) }
                guard let chosen = syntax else {
                    throw RDFSyntaxError(.unknownSyntax,
                        "cannot tell the RDF syntax; name it with --syntax (one of \(Syntax.allCases.map(\.rawValue).joined(separator: ", ")))",
                        source: source.name)
                }
                try session.start(chosen)
                started = true
            }
            if session.syntax.requiresUTF8, let bad = validator.consume(chunk) {
                throw RDFSyntaxError(.encoding,
                    "invalid UTF-8 byte 0x\(String(bad.byte, radix: 16, uppercase: true)); this syntax must be UTF-8",
                    source: source.name, line: bad.line, column: bad.column)
            }
            try session.feed(chunk, isEnd: false)
        }) {}

        if !started {
            // An empty document: valid in every syntax but RDF/XML, and holds nothing.
            guard let chosen = syntax else {
                throw RDFSyntaxError(.unknownSyntax, "empty document and no syntax named", source: source.name)
            }
            try session.start(chosen)
        }
        if validator.isTruncated {
            throw RDFSyntaxError(.encoding, "document ends inside a UTF-8 character",
                source: source.name, line: validator.line, column: validator.column)
        }
        try session.feed(UnsafeRawBufferPointer(start: nil, count: 0), isEnd: true)
        return ParseSummary(syntax: session.syntax, quadCount: session.quadCount,
                            byteCount: reader.bytesRead, warnings: session.warnings)
    }

    /// Parses a whole in-memory document into an array; for small documents and tests.
    public static func parseAll(_ source: DocumentSource, options: ParseOptions = ParseOptions()) throws -> [Quad] {
        var quads: [Quad] = []
        try parse(source, options: options) { quads.append(contentsOf: $0) }
        return quads
    }
}

/// The state one parse shares with Raptor's C callbacks.
///
/// Callbacks must not throw into C: they record the first error, abort the parser, and the
/// Swift side rethrows it once control is back.
private final class ParseSession {
    let source: DocumentSource
    let options: ParseOptions
    let consume: ([Quad]) throws -> Void
    let world = RaptorWorld()
    private(set) var syntax = Syntax.turtle
    private var parser: OpaquePointer?
    private var pending: [Quad] = []
    private(set) var quadCount = 0
    private(set) var warnings: [RDFSyntaxError] = []
    private var failure: (any Error)?
    /// The strict layer in front of and behind Raptor (Strict/StrictLayer.swift).
    private var filter: (any SyntaxFilter)?

    init(source: DocumentSource, options: ParseOptions, consume: @escaping ([Quad]) throws -> Void) {
        self.source = source
        self.options = options
        self.consume = consume
        pending.reserveCapacity(options.batchSize)
    }

    deinit { if let parser { raptor_free_parser(parser) } }

    func start(_ syntax: Syntax) throws {
        self.syntax = syntax
        let context = Unmanaged.passUnretained(self).toOpaque()
        raptor_world_set_log_handler(world.pointer, context) { context, message in
            guard let context, let message else { return }
            Unmanaged<ParseSession>.fromOpaque(context).takeUnretainedValue().log(message.pointee)
        }
        guard let parser = raptor_new_parser(world.pointer, syntax.raptorName) else {
            throw RDFSyntaxError(.unknownSyntax, "Raptor has no \(syntax.rawValue) parser", source: source.name)
        }
        self.parser = parser
        // A description must never make the parser fetch anything: no network, no local files,
        // no external XML entities.
        raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, nil, 1)
        raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, nil, 1)
        raptor_parser_set_option(parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, nil, 0)
        raptor_parser_set_statement_handler(parser, context) { context, statement in
            guard let context, let statement else { return }
            Unmanaged<ParseSession>.fromOpaque(context).takeUnretainedValue().accept(statement.pointee)
        }
        let base = options.baseIRI ?? source.fileURL ?? "file:///dev/stdin"
        filter = StrictLayer.filter(for: syntax, baseIRI: base, source: source.name)
        let baseURI = world.uri(base)
        defer { if let baseURI { raptor_free_uri(baseURI) } }
        guard raptor_parser_parse_start(parser, baseURI) == 0 else {
            throw failure ?? RDFSyntaxError(.syntax, "Raptor could not start the \(syntax.rawValue) parser", source: source.name)
        }
    }

    func feed(_ chunk: UnsafeRawBufferPointer, isEnd: Bool) throws {
        guard let filter else { return try feedRaptor(chunk, isEnd: isEnd) }
        // The filter may hand on less or more than it got; Raptor hears of the end only once.
        try filter.feed(chunk, isEnd: isEnd) { bytes in
            if bytes.count > 0 { try feedRaptor(bytes, isEnd: false) }
        }
        if isEnd { try feedRaptor(UnsafeRawBufferPointer(start: nil, count: 0), isEnd: true) }
    }

    private func feedRaptor(_ chunk: UnsafeRawBufferPointer, isEnd: Bool) throws {
        guard let parser else { return }
        let status = raptor_parser_parse_chunk(
            parser, chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count, isEnd ? 1 : 0)
        if failure == nil && isEnd { flush() }
        if let failure { throw failure }
        if status != 0 {
            throw RDFSyntaxError(.syntax, "\(syntax.rawValue) parse failed", source: source.name)
        }
    }

    private func accept(_ statement: raptor_statement) {
        guard failure == nil, let s = statement.subject, let p = statement.predicate, let o = statement.object else { return }
        let quad = Quad(makeTerm(s), makeTerm(p), makeTerm(o), graph: statement.graph.map(makeTerm))
        pending.append(filter?.map(quad) ?? quad)
        if pending.count >= options.batchSize { flush() }
    }

    private func flush() {
        guard !pending.isEmpty, failure == nil else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        quadCount += batch.count
        do {
            try consume(batch)
        } catch {
            fail(error)
        }
    }

    private func log(_ message: raptor_log_message) {
        let text = message.text.map { String(cString: $0) } ?? "unknown error"
        var line: Int?
        var column: Int?
        if let locator = message.locator?.pointee {
            if locator.line > 0 { line = Int(locator.line) }
            if locator.column >= 0 { column = Int(locator.column) + 1 }
        }
        let error = RDFSyntaxError(.syntax, text, source: source.name, line: line, column: column)
        switch message.level {
        case RAPTOR_LOG_LEVEL_ERROR, RAPTOR_LOG_LEVEL_FATAL:
            fail(error)
        case RAPTOR_LOG_LEVEL_WARN:
            if filter?.isError(warning: text) == true { fail(error) } else { warnings.append(error) }
        default:
            break
        }
    }

    private func fail(_ error: any Error) {
        guard failure == nil else { return }
        failure = error
        pending.removeAll()
        if let parser { raptor_parser_parse_abort(parser) }
    }
}
