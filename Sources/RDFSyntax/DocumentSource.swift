import Foundation

/// Where a document's bytes come from. Files and standard input are read in chunks, never whole.
public enum DocumentSource: Sendable {
    case file(String)
    case standardInput
    case bytes([UInt8], name: String)

    /// How the source is named in messages.
    public var name: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        case .bytes(_, let name): name
        }
    }

    /// The `file:` URL of a file source, the natural base IRI of its relative references.
    public var fileURL: String? {
        guard case .file(let path) = self else { return nil }
        return URL(fileURLWithPath: path).standardizedFileURL.absoluteString
    }

    /// The extension of a file source, for picking a syntax.
    public var fileExtension: String? {
        guard case .file(let path) = self else { return nil }
        let ext = (path as NSString).pathExtension
        return ext.isEmpty ? nil : ext
    }
}

/// Reads a source chunk by chunk and enforces the size limit as it goes.
final class ChunkReader {
    private let source: DocumentSource
    private let limit: Int?
    private var descriptor: Int32 = -1
    private var offset = 0
    private(set) var bytesRead = 0
    private var buffer: [UInt8]

    init(_ source: DocumentSource, limit: Int?, chunkSize: Int = 1 << 18) throws(RDFSyntaxError) {
        self.source = source
        self.limit = limit
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
        switch source {
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw RDFSyntaxError(.io, "cannot read: \(String(cString: strerror(errno)))", source: path)
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw RDFSyntaxError(.io, "is a directory, not an RDF file", source: path)
            }
            if let limit, Int(info.st_size) > limit {
                throw Self.tooLarge(size: Int(info.st_size), limit: limit, source: path)
            }
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw RDFSyntaxError(.io, "cannot open: \(String(cString: strerror(errno)))", source: path)
            }
        case .standardInput:
            descriptor = dup(STDIN_FILENO)
        case .bytes(let bytes, let name):
            if let limit, bytes.count > limit { throw Self.tooLarge(size: bytes.count, limit: limit, source: name) }
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Calls `body` with the next chunk, or returns false at the end.
    func next(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        if case .bytes(let bytes, _) = source {
            guard offset < bytes.count else { return false }
            let end = min(bytes.count, offset + buffer.count)
            try bytes[offset..<end].withUnsafeBytes(body)
            bytesRead += end - offset
            offset = end
            return true
        }
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            throw RDFSyntaxError(.io, "read failed: \(String(cString: strerror(errno)))", source: source.name)
        }
        guard count > 0 else { return false }
        bytesRead += count
        if let limit, bytesRead > limit {
            throw Self.tooLarge(size: bytesRead, limit: limit, source: source.name)
        }
        try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        return true
    }

    private static func tooLarge(size: Int, limit: Int, source: String) -> RDFSyntaxError {
        RDFSyntaxError(.tooLarge, "document is \(size) bytes, over the limit of \(limit) bytes", source: source)
    }
}
