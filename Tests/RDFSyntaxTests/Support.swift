import Foundation
import RDF
@testable import RDFSyntax

/// A scratch directory for files the tests write; removed when the value is dropped.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("grapevine-rdfsyntax-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` and returns the path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

/// Parses an in-memory document.
func parse(_ text: String, _ syntax: Syntax?, base: String = "http://example.org/doc", name: String = "test") throws -> [Quad] {
    try RDFParser.parseAll(.bytes(Array(text.utf8), name: name), options: ParseOptions(syntax: syntax, baseIRI: base))
}

/// The error a parse throws, or nil if it succeeds.
func parseError(_ text: String, _ syntax: Syntax?, base: String = "http://example.org/doc", name: String = "test") -> RDFSyntaxError? {
    do {
        _ = try parse(text, syntax, base: base, name: name)
        return nil
    } catch let error as RDFSyntaxError {
        return error
    } catch {
        return RDFSyntaxError(.io, "unexpected error \(error)", source: name)
    }
}

/// Serializes quads in `format` and returns the text.
func serialize(_ quads: [Quad], as format: OutputFormat) throws -> String {
    var bytes: [UInt8] = []
    let serializer = RDFSerializer(format: format) { bytes.append(contentsOf: $0) }
    try serializer.serialize(quads)
    try serializer.finish()
    return String(decoding: bytes, as: UTF8.self)
}

/// Runs a strict-layer filter over `bytes` cut into the given chunks; returns what Raptor would read.
func filtered(_ filter: any SyntaxFilter, _ bytes: [UInt8], cuts: [Int]) throws -> [UInt8] {
    var output: [UInt8] = []
    var start = 0
    for cut in cuts + [bytes.count] where cut >= start {
        try bytes[start..<cut].withUnsafeBytes { chunk in
            try filter.feed(chunk, isEnd: false) { output.append(contentsOf: $0) }
        }
        start = cut
    }
    try filter.feed(UnsafeRawBufferPointer(start: nil, count: 0), isEnd: true) { output.append(contentsOf: $0) }
    return output
}

let ex = "http://example.org/"
func iri(_ local: String) -> Term { .iri(ex + local) }
