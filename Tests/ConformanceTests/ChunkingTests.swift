import Foundation
import RDF
@testable import RDFSyntax
import Testing

/// The strict layer reads documents chunk by chunk; where the chunks end must not matter. Every
/// N-Triples, N-Quads, Turtle and TriG document of the suites (good and bad) is run through the
/// layer whole and in 7-byte pieces (cutting tokens, escapes and UTF-8 characters everywhere):
/// Raptor must be handed the same text, and a refusal must name the same place.
@Suite("W3C documents read in small chunks")
struct ChunkingTests {
    @Test(arguments: [W3CSuite.ntriples, .nquads, .turtle, .trig])
    func smallChunksChangeNothing(_ suite: W3CSuite) throws {
        let tests = try W3CManifest.load(suite)
        var checked = 0
        for test in tests {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: test.action)))
            let whole = run(test, bytes, pieceSize: nil)
            let pieces = run(test, bytes, pieceSize: 7)
            #expect(whole == pieces, "\(test.id)")
            checked += 1
        }
        #expect(checked == tests.count)
    }

    /// What the layer hands Raptor (stand-in graph keys masked), or where it refused.
    private func run(_ test: W3CTest, _ bytes: [UInt8], pieceSize: Int?) -> String {
        guard let filter = StrictLayer.filter(for: test.syntax, baseIRI: test.actionBase, source: test.name) else { return "" }
        var output: [UInt8] = []
        do {
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + (pieceSize ?? bytes.count))
                try bytes[start..<end].withUnsafeBytes { try filter.feed($0, isEnd: false) { output.append(contentsOf: $0) } }
                start = end
            }
            try filter.feed(UnsafeRawBufferPointer(start: nil, count: 0), isEnd: true) { output.append(contentsOf: $0) }
        } catch let error as RDFSyntaxError {
            return "refused at \(error.line ?? 0):\(error.column ?? 0): \(error.message)"
        } catch {
            return "failed: \(error)"
        }
        return String(decoding: output, as: UTF8.self)
            .replacing(/urn:x-grapevine-blank-graph:[0-9a-z]+:/, with: "urn:x-grapevine-blank-graph:KEY:")
    }
}
