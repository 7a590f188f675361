import Foundation
import Publishing
import RDF
import RDFSyntax
import Store
import Testing

@Suite("SampleData publishes, malformed files fail cleanly")
struct SampleDataTests {
    @Test func everySampleDescriptionPublishesUnderTheRules() throws {
        let fixture = try PublishingFixture()
        let files = try sampleDescriptions()
        #expect(files.count >= 8)
        let outcomes = try fixture.publisher.publish(files.map { PublishRequest(source: .file($0)) })
        #expect(outcomes.allSatisfy { $0.quadCount > 0 })
        var resources = Set<Term>()
        var syntaxes = Set<String>()
        try fixture.store.export { quad in
            if quad.predicate == .iri(RDFVocabulary.type) && quad.object == .iri(GV.Resource) { resources.insert(quad.subject) }
        }
        for record in try fixture.store.descriptions() { syntaxes.insert(record.syntax) }
        #expect(resources.count >= 400)
        #expect(syntaxes.isSuperset(of: ["rdfxml", "turtle", "ntriples"]))
    }

    /// Each malformed file: one clear error naming the file (and line, column where the syntax
    /// has them), and the store exactly as before.
    @Test(arguments: [
        ("syntax-error.ttl", RDFSyntaxError.Kind.syntax, 7),
        ("bad-iri.nt", .syntax, 3),
        ("not-utf8.ttl", .encoding, 5),
        ("unterminated.rdf", .syntax, nil),
        ("unknown.xyz", .unknownSyntax, nil),
    ] as [(String, RDFSyntaxError.Kind, Int?)])
    func malformedFileChangesNothing(file: String, kind: RDFSyntaxError.Kind, line: Int?) throws {
        let fixture = try PublishingFixture()
        try fixture.publish(sample("publishers/tarn-software.ttl"), graph: "urn:example:catalogue")
        let before = try fixture.snapshot()
        let error = try #require(throws: RDFSyntaxError.self) {
            try fixture.publish(sample("malformed/" + file), graph: "urn:example:catalogue")
        }
        #expect(error.kind == kind)
        #expect(error.source.hasSuffix(file))
        if let line { #expect(error.line == line, "\(error)") }
        #expect(try fixture.snapshot() == before)
    }

    @Test(arguments: ["missing-title.ttl", "relative-location.ttl"])
    func ruleBreakingFileChangesNothing(file: String) throws {
        let fixture = try PublishingFixture()
        try fixture.publish(sample("publishers/tarn-software.ttl"))
        let before = try fixture.snapshot()
        #expect(throws: RulesViolated.self) { try fixture.publish(sample("malformed/" + file)) }
        #expect(try fixture.snapshot() == before)
    }

    @Test func aBatchWithOneBadFilePublishesNothing() throws {
        let fixture = try PublishingFixture()
        let before = try fixture.snapshot()
        #expect(throws: (any Error).self) {
            try fixture.publisher.publish([
                PublishRequest(source: .file(sample("publishers/civic-data.nt"))),
                PublishRequest(source: .file(sample("malformed/missing-title.ttl"))),
            ])
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeLoading() throws {
        let fixture = try PublishingFixture()
        var request = PublishRequest(source: .file(sample("publishers/civic-data.nt")))
        request.parse.maxBytes = 1000
        let error = try #require(throws: RDFSyntaxError.self) { try fixture.publisher.publish(request) }
        #expect(error.kind == .tooLarge)
        #expect(try fixture.store.statistics().descriptions == 0)
    }

    @Test func theStoredBodyIsTheFileAndItsDigestMatches() throws {
        let fixture = try PublishingFixture()
        let path = sample("publishers/lantern-press.rdf")
        try fixture.publish(path)
        let graph = DescriptionPublisher.defaultGraph(for: .file(path))
        let body = try #require(try fixture.store.body(graph: graph))
        #expect(body == [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        let record = try #require(try fixture.store.descriptions().first)
        #expect(record.digest.hasPrefix("sha256:"))
        #expect(record.syntax == "rdfxml")
    }
}
