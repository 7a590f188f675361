import Crypto
import Foundation
import RDF
import RDFSyntax
import Store

/// The publishing pipeline: Raptor parses, the store loads, the shapes check, all in one
/// transaction, so a document that fails at any step leaves the store exactly as it was.
///
/// With an identity, every publication is signed: the store numbers it in the publisher's
/// sequence and, once the streamed body's digest is known, the envelope head is signed and kept
/// with the description, in the same transaction.
public struct DescriptionPublisher: Sendable {
    /// Documents larger than this are refused before any work (default 512 MiB).
    public static let defaultMaxBytes = 512 << 20

    public let store: QuadStore
    public let validator: ShapeValidator?
    /// Who signs what this publisher publishes; nil publishes unsigned (tools without a key).
    public let identity: PeerIdentity?

    public init(store: QuadStore, shapes: ShapesGraph?, identity: PeerIdentity? = nil) {
        self.store = store
        self.validator = shapes.map { ShapeValidator(shapes: $0) }
        self.identity = identity
    }

    /// The graph IRI a file publishes to when none is given: its absolute `file:` URL, which is
    /// stable for a file and also the base IRI its relative references resolve against.
    public static func defaultGraph(for source: DocumentSource) -> String {
        source.fileURL ?? "urn:grapevine:stdin"
    }

    @discardableResult
    public func publish(_ request: PublishRequest, progress: ((LoadProgress) -> Void)? = nil) throws -> PublishOutcome {
        try publish([request]) { _, state in progress?(state) }[0]
    }

    /// Publishes several documents in one transaction: if any of them fails, none is published.
    @discardableResult
    public func publish(_ requests: [PublishRequest],
                        progress: ((_ source: String, LoadProgress) -> Void)? = nil) throws -> [PublishOutcome] {
        var spooled: [String] = []
        defer { for path in spooled { try? FileManager.default.removeItem(atPath: path) } }
        var pending: [PendingDescription] = []
        var graphs: Set<String> = []
        let issued = UTCTimestamp.wholeSeconds(Date())
        for var request in requests {
            if let path = try spoolIfStreamed(&request) { spooled.append(path) }
            let size = try fileSize(request.source)
            let limit = request.parse.maxBytes ?? Self.defaultMaxBytes
            request.parse.maxBytes = limit
            if let size, size > limit {
                throw RDFSyntaxError(.tooLarge, "document is \(size) bytes, over the limit of \(limit) bytes", source: request.source.name)
            }
            let graph = request.graph ?? Self.defaultGraph(for: request.source)
            guard graphs.insert(graph).inserted else {
                throw RDFSyntaxError(.io, "two documents would publish the same graph <\(graph)>", source: request.source.name)
            }
            request.parse.syntax = try request.parse.syntax ?? detectSyntax(request.source)
            pending.append(try localDescription(request, graph: graph, size: size, issued: issued, progress: progress))
        }
        return try store.publish(pending)
    }

    /// The header and signer of a document published here.
    private func localDescription(_ request: PublishRequest, graph: String, size: Int?, issued: Date,
                                  progress: ((_ source: String, LoadProgress) -> Void)?) throws -> PendingDescription {
        let expires = request.expires.map(UTCTimestamp.wholeSeconds)
        if let expires, expires <= issued {
            throw PublishRefused(source: request.source.name, reason: "it would expire (\(UTCTimestamp.format(expires))) before it is published")
        }
        var origin = DescriptionOrigin.unsigned
        if let identity {
            if size == 0 {
                throw PublishRefused(source: request.source.name, reason: """
                    an empty document cannot be published signed (an empty envelope is a retraction); \
                    to remove a description, retract it
                    """)
            }
            // The base the parser resolves against, so a peer reading the body resolves alike.
            let base = request.parse.baseIRI ?? request.source.fileURL ?? "file:///dev/stdin"
            let syntax = request.parse.syntax
            origin = .local(LocalSigner(publisher: identity.id.description) { seal in
                guard let digest = Hex.decode(seal.digest.dropFirst("sha256:".count)) else {
                    throw PublishRefused(source: seal.graph, reason: "no digest of the body to sign")
                }
                return try EnvelopeHeader.sign(graph: seal.graph, version: seal.version, issued: seal.issued, expires: seal.expires,
                                               syntax: syntax, base: base, length: seal.byteCount, digest: digest, by: identity).bytes
            })
        }
        let header = DescriptionHeader(graph: graph, source: request.source.name, syntax: request.parse.syntax?.rawValue ?? "",
                                       issued: issued, expires: expires, origin: origin)
        return pendingDescription(request.source, parse: request.parse, validate: request.validate, header: header,
                                  size: size, progress: progress)
    }

    /// Loads a document through the parser into the store (keeping its verbatim bytes and their
    /// SHA-256) and checks it against the shapes, as one pending description.
    func pendingDescription(_ source: DocumentSource, parse: ParseOptions, validate: Bool, header: DescriptionHeader, size: Int?,
                            progress: ((_ source: String, LoadProgress) -> Void)?) -> PendingDescription {
        let rules = validate ? validator : nil
        return PendingDescription(header: header, load: { writer in
            // Parsing runs on a thread of its own; every write stays on this one, in the transaction.
            let digest = try ParsingThread.parse(source, options: parse) { output in
                switch output {
                case .chunk(let bytes, let bytesRead):
                    try bytes.withUnsafeBytes { try writer.appendBody($0) }
                    progress?(source.name, LoadProgress(bytesRead: bytesRead, totalBytes: size, quads: writer.quadCount))
                case .quads(let quads):
                    try writer.add(quads)
                }
            }
            writer.digest = "sha256:" + Hex.encode(digest)
        }, check: { reader in
            guard let rules else { return }
            let result = try rules.validate(reader)
            if result.total > 0 {
                throw RulesViolated(source: source.name, rules: rules.shapes.source,
                                    violations: result.violations, total: result.total)
            }
        })
    }

    /// Standard input cannot be measured or re-read, so it is copied to a temporary file first;
    /// the store then keeps the exact bytes like for any file.
    private func spoolIfStreamed(_ request: inout PublishRequest) throws -> String? {
        guard case .standardInput = request.source else { return nil }
        let path = NSTemporaryDirectory() + "grapevine-stdin-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let output = FileHandle(forWritingAtPath: path) else {
            throw RDFSyntaxError(.io, "cannot create a temporary file for standard input", source: "-")
        }
        defer { try? output.close() }
        let limit = request.parse.maxBytes ?? Self.defaultMaxBytes
        var total = 0
        while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 18), !chunk.isEmpty {
            total += chunk.count
            if total > limit {
                throw RDFSyntaxError(.tooLarge, "document is over the limit of \(limit) bytes", source: "-")
            }
            try output.write(contentsOf: chunk)
        }
        if request.graph == nil { request.graph = Self.defaultGraph(for: .standardInput) }
        if request.parse.baseIRI == nil { request.parse.baseIRI = request.graph }
        request.source = .file(path)
        return path
    }

    private func fileSize(_ source: DocumentSource) throws -> Int? {
        switch source {
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw RDFSyntaxError(.io, "cannot read: \(String(cString: strerror(errno)))", source: path)
            }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw RDFSyntaxError(.io, "is a directory, not an RDF file", source: path) }
            return Int(info.st_size)
        case .bytes(let bytes, _): return bytes.count
        case .standardInput: return nil
        }
    }

    /// Settles the syntax before the transaction starts, so the stored description records it.
    private func detectSyntax(_ source: DocumentSource) throws -> Syntax {
        if let ext = source.fileExtension, let syntax = Syntax(fileExtension: ext) { return syntax }
        var prefix: [UInt8] = []
        switch source {
        case .file(let path):
            if let handle = FileHandle(forReadingAtPath: path) {
                prefix = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
                try? handle.close()
            }
        case .bytes(let bytes, _): prefix = Array(bytes.prefix(4096))
        case .standardInput: break
        }
        guard let syntax = Syntax.sniff(prefix) else {
            throw RDFSyntaxError(.unknownSyntax,
                "cannot tell the RDF syntax; name it with --syntax (one of \(Syntax.allCases.map(\.rawValue).joined(separator: ", ")))",
                source: source.name)
        }
        return syntax
    }
}
