import Foundation
import Publishing
import RDF
import RDFSyntax
import Store
import Testing

/// Publishing parses on a thread of its own while the transaction stores; errors from either
/// side must still stop everything and leave the store as it was.
@Suite("Parsing beside the store")
struct ParsingThreadTests {
    /// Valid resources as N-Triples, enough of them to span many read chunks and queue entries.
    func resources(_ count: Int, graph: String? = nil) -> String {
        var text = ""
        let suffix = graph.map { " <\($0)> .\n" } ?? " .\n"
        for n in 0..<count {
            let r = "<https://example.org/r/\(n)>"
            text += "\(r) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/grapevine/ns#Resource>\(suffix)"
            text += "\(r) <http://purl.org/dc/terms/title> \"Resource number \(n), with a title long enough to fill the chunks\"\(suffix)"
            text += "\(r) <https://w3id.org/grapevine/ns#location> _:l\(n)\(suffix)"
            text += "_:l\(n) <https://w3id.org/grapevine/ns#url> <https://mirror.example.org/\(n).tar.gz>\(suffix)"
        }
        return text
    }

    @Test func aLargeDocumentIsStoredWholeAndVerbatim() throws {
        let fixture = try PublishingFixture()
        let text = resources(5_000)
        let path = try fixture.write("big.nt", text)
        let outcome = try fixture.publish(path, graph: "https://example.org/big")
        #expect(outcome.quadCount == 20_000)
        #expect(try fixture.store.body(graph: "https://example.org/big") == Array(text.utf8))
    }

    @Test func aSyntaxErrorOnTheLastLineChangesNothing() throws {
        for withData in [false, true] {
            let fixture = try PublishingFixture()
            if withData { try fixture.publish(try fixture.write("small.ttl", validResource), graph: "https://example.org/small") }
            let before = try fixture.snapshot()
            let path = try fixture.write("bad.nt", resources(5_000) + "<https://example.org/x> <https://example.org/p> \"unterminated .\n")
            let error = #expect(throws: RDFSyntaxError.self) { try fixture.publish(path, graph: "https://example.org/bad") }
            #expect(error?.line == 20_001)
            #expect(error?.description.hasPrefix(path + ":20001:") == true)
            #expect(try fixture.snapshot() == before)
        }
    }

    @Test func aStoreErrorStopsTheParseAndChangesNothing() throws {
        let fixture = try PublishingFixture()
        try fixture.publisher.publish(PublishRequest(source: .file(try fixture.write("owner.nq", resources(2, graph: "https://example.org/taken"))),
                                                     graph: "https://example.org/owner"))
        let before = try fixture.snapshot()
        // The graph another description owns comes up only after thousands of quads.
        let late = resources(5_000, graph: "https://example.org/mine") + resources(1, graph: "https://example.org/taken")
        let path = try fixture.write("late.nq", late)
        #expect(throws: StoreError.self) {
            try fixture.publisher.publish(PublishRequest(source: .file(path), graph: "https://example.org/mine"))
        }
        #expect(try fixture.snapshot() == before)
    }
}
