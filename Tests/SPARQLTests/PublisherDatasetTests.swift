import Foundation
import RDF
import SPARQL
import Store
import Testing

/// `FROM <urn:grapevine:publisher:ID>` names every graph of one publisher's descriptions.
@Suite("Publisher IRIs in a query's dataset")
struct PublisherDatasetTests {
    static let alice = String(repeating: "a", count: 52)
    static let bob = String(repeating: "b", count: 52)

    /// Alice publishes two descriptions (one with a named graph inside), Bob one, and one is
    /// unsigned; each says who holds it.
    func store() throws -> QuadStore {
        let store = try QuadStore.inMemory()
        let descriptions: [(graph: String, publisher: String?, named: String?)] = [
            ("http://example.org/alice/1", Self.alice, nil),
            ("http://example.org/alice/2", Self.alice, "http://example.org/alice/2/inner"),
            ("http://example.org/bob/1", Self.bob, nil),
            ("http://example.org/local", nil, nil),
        ]
        for (index, description) in descriptions.enumerated() {
            let origin: DescriptionOrigin = description.publisher.map {
                .received(publisher: $0, version: index + 1, envelope: Array("head".utf8))
            } ?? .unsigned
            _ = try store.publish(DescriptionHeader(graph: description.graph, source: "test", syntax: "nquads", origin: origin)) { writer in
                var quads = [Quad(.iri("http://example.org/s\(index)"), .iri("http://example.org/from"), .literal(description.graph))]
                if let named = description.named {
                    quads.append(Quad(.iri("http://example.org/inner"), .iri("http://example.org/from"), .literal(named), graph: .iri(named)))
                }
                try writer.add(quads)
            }
        }
        return store
    }

    func values(_ query: String, in store: QuadStore) throws -> Set<String> {
        guard case .solutions(let table) = try QueryEngine(store: store).execute(try SPARQLParser.parse(query)) else {
            Issue.record("not a SELECT result")
            return []
        }
        return Set(table.rows.compactMap { row in
            if case .literal(let literal)?? = row.first { return literal.lexical }
            if case .iri(let iri)?? = row.first { return iri }
            return nil
        })
    }

    @Test("FROM a publisher IRI is the merge of all that publisher's graphs")
    func fromPublisher() throws {
        let store = try store()
        let found = try values("SELECT ?g FROM <urn:grapevine:publisher:\(Self.alice)> WHERE { ?s <http://example.org/from> ?g }", in: store)
        #expect(found == ["http://example.org/alice/1", "http://example.org/alice/2", "http://example.org/alice/2/inner"])
    }

    @Test("FROM NAMED a publisher IRI lets GRAPH range over that publisher's graphs only")
    func fromNamedPublisher() throws {
        let store = try store()
        let graphs = try values("SELECT DISTINCT ?g FROM NAMED <urn:grapevine:publisher:\(Self.bob)> WHERE { GRAPH ?g { ?s ?p ?o } }", in: store)
        #expect(graphs == ["http://example.org/bob/1"])
        let both = try values("""
            SELECT DISTINCT ?g FROM NAMED <urn:grapevine:publisher:\(Self.bob)> FROM NAMED <http://example.org/local>
            WHERE { GRAPH ?g { ?s ?p ?o } }
            """, in: store)
        #expect(both == ["http://example.org/bob/1", "http://example.org/local"])
    }

    @Test("a publisher with no descriptions here gives an empty dataset, not the whole store")
    func unknownPublisher() throws {
        let store = try store()
        let nobody = String(repeating: "c", count: 52)
        #expect(try values("SELECT ?g FROM <urn:grapevine:publisher:\(nobody)> WHERE { ?s ?p ?g }", in: store).isEmpty)
        // The upper-case spelling of an id names the same publisher.
        let upper = try values("SELECT ?g FROM <urn:grapevine:publisher:\(Self.bob.uppercased())> WHERE { ?s ?p ?g }", in: store)
        #expect(upper == ["http://example.org/bob/1"])
    }
}
