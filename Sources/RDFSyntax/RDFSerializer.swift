import CRaptor
import RDF

/// Writes quads in one of the output formats through Raptor's serializers.
///
/// Raptor 2.0 has no TriG serializer, so TriG is assembled here: one Turtle serialization per
/// graph, wrapped in `<graph> { … }`, with the prefixes written once at the top. That keeps every
/// term's spelling in Raptor's hands.
public final class RDFSerializer {
    public let format: OutputFormat
    private let prefixes: [(prefix: String, namespace: String)]
    private let write: (UnsafeRawBufferPointer) -> Void
    private var current: RaptorSerialization?
    private var currentGraph: Term?? = .none
    private var wrotePrologue = false
    /// TriG only: blank nodes handed to Raptor as stand-ins (see TriGBlankNodes.swift).
    private var blankNodes = TriGBlankNodes()

    /// - Parameters:
    ///   - prefixes: namespace prefixes offered to Turtle, TriG and RDF/XML output.
    ///   - write: receives the output bytes in order.
    public init(format: OutputFormat,
                prefixes: [(prefix: String, namespace: String)] = WellKnownPrefixes.all,
                write: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.format = format
        self.prefixes = prefixes
        self.write = write
    }

    /// Serializes one quad. For TriG, quads must arrive grouped by graph (as the store exports them).
    public func serialize(_ quad: Quad) throws {
        if format == .trig {
            if currentGraph != .some(quad.graph) {
                try closeGraphBlock()
                currentGraph = .some(quad.graph)
                current = try RaptorSerialization(format: .turtle, prefixes: prefixes, capture: true)
            }
            try current?.serialize(blankNodes.standIn(quad), keepGraph: false)
            return
        }
        if current == nil {
            current = try RaptorSerialization(format: format, prefixes: prefixes, capture: false, write: write)
        }
        try current?.serialize(quad, keepGraph: format.carriesGraphs)
    }

    public func serialize(_ quads: some Sequence<Quad>) throws {
        for quad in quads { try serialize(quad) }
    }

    /// Ends the document; nothing may be serialized after it.
    public func finish() throws {
        if format == .trig {
            try closeGraphBlock()
            if !wrotePrologue { emitPrologue() }
            return
        }
        if current == nil {
            current = try RaptorSerialization(format: format, prefixes: prefixes, capture: false, write: write)
        }
        try current?.finish()
        current = nil
    }

    private func emitPrologue() {
        wrotePrologue = true
        var text = ""
        for (prefix, namespace) in prefixes { text += "@prefix \(prefix): <\(namespace)> .\n" }
        emit(text + "\n")
    }

    private func closeGraphBlock() throws {
        guard let serialization = current, case .some(let graph) = currentGraph else { return }
        try serialization.finish()
        current = nil
        if !wrotePrologue { emitPrologue() }
        // Drop the Turtle prologue: TriG allows prefixes only outside graph blocks.
        let body = blankNodes.restore(serialization.captured)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("@prefix") || $0.hasPrefix("@base") || $0.isEmpty }
        let text = body.joined(separator: "\n").trimmingTrailingNewlines()
        if let graph {
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            var name = NTriples.format(graph)
            if case .blank(let label) = graph { name = TriGBlankNodes.spell(label) }
            emit("\(name) {\n\(indented)\n}\n\n")
        } else if !text.isEmpty {
            emit(text + "\n\n")
        }
    }

    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var result = Substring(self)
        while result.last == "\n" { result = result.dropLast() }
        return String(result)
    }
}

/// One run of a Raptor serializer, into the caller's `write` or into a captured string.
private final class RaptorSerialization {
    private let world = RaptorWorld()
    private let serializer: OpaquePointer
    private var stream: OpaquePointer?
    private var handler = raptor_iostream_handler()
    private let write: ((UnsafeRawBufferPointer) -> Void)?
    private(set) var captured = ""
    private var finished = false

    init(format: OutputFormat, prefixes: [(prefix: String, namespace: String)], capture: Bool,
         write: ((UnsafeRawBufferPointer) -> Void)? = nil) throws {
        guard let serializer = raptor_new_serializer(world.pointer, format.raptorName) else {
            throw RDFSyntaxError(.unknownSyntax, "Raptor has no \(format.rawValue) serializer", source: "-")
        }
        self.serializer = serializer
        self.write = capture ? nil : write
        if format == .turtle || format == .rdfxml {
            for (prefix, namespace) in prefixes {
                guard let uri = world.uri(namespace) else { continue }
                raptor_serializer_set_namespace(serializer, uri, prefix)
                raptor_free_uri(uri)
            }
        }
        handler.version = 2
        handler.write_byte = { context, byte in
            guard let context else { return 1 }
            var value = UInt8(truncatingIfNeeded: byte)
            withUnsafeBytes(of: &value) { Unmanaged<RaptorSerialization>.fromOpaque(context).takeUnretainedValue().receive($0) }
            return 0
        }
        handler.write_bytes = { context, pointer, size, count in
            guard let context, let pointer else { return 0 }
            Unmanaged<RaptorSerialization>.fromOpaque(context).takeUnretainedValue()
                .receive(UnsafeRawBufferPointer(start: pointer, count: size * count))
            return Int32(count)
        }
        stream = withUnsafePointer(to: &handler) { handlerPointer in
            raptor_new_iostream_from_handler(world.pointer, Unmanaged.passUnretained(self).toOpaque(), handlerPointer)
        }
        guard let stream, raptor_serializer_start_to_iostream(serializer, nil, stream) == 0 else {
            throw RDFSyntaxError(.io, "Raptor could not start the \(format.rawValue) serializer", source: "-")
        }
    }

    deinit {
        if !finished { try? finish() }
        raptor_free_serializer(serializer)
    }

    private func receive(_ bytes: UnsafeRawBufferPointer) {
        if let write { write(bytes) } else { captured += String(decoding: bytes, as: UTF8.self) }
    }

    func serialize(_ quad: Quad, keepGraph: Bool) throws {
        guard let s = makeRaptorTerm(quad.subject, world: world),
              let p = makeRaptorTerm(quad.predicate, world: world),
              let o = makeRaptorTerm(quad.object, world: world) else {
            throw RDFSyntaxError(.io, "cannot represent \(quad) for Raptor", source: "-")
        }
        let g = keepGraph ? quad.graph.flatMap { makeRaptorTerm($0, world: world) } : nil
        guard let statement = raptor_new_statement_from_nodes(world.pointer, s, p, o, g) else {
            throw RDFSyntaxError(.io, "cannot represent \(quad) for Raptor", source: "-")
        }
        defer { raptor_free_statement(statement) }
        guard raptor_serializer_serialize_statement(serializer, statement) == 0 else {
            throw RDFSyntaxError(.io, "Raptor could not serialize \(quad)", source: "-")
        }
    }

    func finish() throws {
        guard !finished else { return }
        finished = true
        raptor_serializer_serialize_end(serializer)
        if let stream { raptor_free_iostream(stream) }
        stream = nil
    }
}
