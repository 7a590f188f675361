import Foundation
import RDF
import Store
import Testing

@Suite("The SQLite quad store")
struct QuadStoreTests {
    @Test func publishedQuadsComeBackInTheirGraph() throws {
        let fixture = try StoreFixture()
        let outcome = try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("p"), .literal("x")),
            Quad(iri("a"), iri("p"), .literal("7", datatype: XSD.integer)),
            Quad(iri("a"), iri("q"), .literal("chat", language: "fr")),
        ])
        #expect(outcome.quadCount == 3)
        #expect(outcome.version == 1)
        #expect(!outcome.replaced)
        let quads = try fixture.quads()
        #expect(Set(quads) == [
            Quad(iri("a"), iri("p"), .literal("x"), graph: iri("g")),
            Quad(iri("a"), iri("p"), .literal("7", datatype: XSD.integer), graph: iri("g")),
            Quad(iri("a"), iri("q"), .literal("chat", language: "fr"), graph: iri("g")),
        ])
    }

    @Test func republishingReplacesTheWholeGraphAndBumpsTheVersion() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("p"), .literal("old"))])
        let outcome = try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("p"), .literal("new"))])
        #expect(outcome.replaced)
        #expect(outcome.version == 2)
        #expect(try fixture.quads() == [Quad(iri("a"), iri("p"), .literal("new"), graph: iri("g"))])
    }

    @Test func retractRemovesTheDescriptionAndItsUnusedTerms() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/keep", [Quad(iri("a"), iri("p"), .literal("shared"))])
        try fixture.publish("http://example.org/drop", [Quad(iri("b"), iri("p"), .literal("only-here"))])
        let before = try fixture.store.statistics()
        #expect(try fixture.store.retract(graph: "http://example.org/drop"))
        let after = try fixture.store.statistics()
        #expect(after.descriptions == 1)
        #expect(after.quads == 1)
        // b, "only-here" and the graph name go; a, p, "shared" and keep's graph stay.
        #expect(after.terms == before.terms - 3)
        #expect(try !fixture.store.retract(graph: "http://example.org/drop"))
    }

    @Test func blankNodesOfDifferentDescriptionsStayApart() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/one", [Quad(.blank("b0"), iri("p"), .literal("1"))])
        try fixture.publish("http://example.org/two", [Quad(.blank("b0"), iri("p"), .literal("2"))])
        let subjects = Set(try fixture.quads().map(\.subject))
        #expect(subjects.count == 2)
        #expect(subjects.allSatisfy { $0.isBlank })
    }

    @Test func namedGraphsInADocumentBelongToItsDescription() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/doc", [
            Quad(iri("a"), iri("p"), .literal("default")),
            Quad(iri("a"), iri("p"), .literal("named"), graph: iri("inner")),
        ])
        #expect(try fixture.quads(graph: "http://example.org/inner").map(\.object) == [.literal("named")])
        let record = try #require(try fixture.store.descriptions().first)
        #expect(record.namedGraphs == ["http://example.org/inner"])
        // Another description may not take over that graph.
        #expect(throws: StoreError.graphOwnedByAnotherDescription(graph: "http://example.org/inner", owner: "http://example.org/doc")) {
            try fixture.publish("http://example.org/other", [Quad(iri("x"), iri("p"), .literal("y"), graph: iri("inner"))])
        }
    }

    @Test func aFailedLoadLeavesTheStoreExactlyAsItWas() throws {
        struct Interrupted: Error {}
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("p"), .literal("old"))], body: "old body")
        let before = try fixture.dump()
        #expect(throws: Interrupted.self) {
            try fixture.store.publish(DescriptionHeader(graph: "http://example.org/g", source: "t", syntax: "ntriples")) { writer in
                try writer.add([Quad(iri("a"), iri("p"), .literal("half"))])
                throw Interrupted()
            }
        }
        #expect(throws: Interrupted.self) {
            try fixture.publish("http://example.org/new", [Quad(iri("n"), iri("p"), .literal("checked"))]) { _ in throw Interrupted() }
        }
        #expect(try fixture.dump() == before)
    }

    @Test func theBodyIsKeptVerbatim() throws {
        let fixture = try StoreFixture()
        let body = "<http://example.org/a> <http://example.org/p> \"é\" .\n"
        try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("p"), .literal("é"))], body: body)
        #expect(try fixture.store.body(graph: "http://example.org/g") == Array(body.utf8))
    }

    @Test func exportOfAnUnknownGraphFails() throws {
        let fixture = try StoreFixture()
        #expect(throws: StoreError.noSuchGraph("http://example.org/none")) { try fixture.quads(graph: "http://example.org/none") }
    }

    @Test func statisticsCountWhatIsThere() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("p"), iri("b")),
            Quad(iri("b"), iri("p"), iri("a")),
        ])
        let stats = try fixture.store.statistics()
        #expect(stats.descriptions == 1)
        #expect(stats.graphs == 1)
        #expect(stats.quads == 2)
        #expect(stats.terms == 4) // a, b, p, g
        #expect(stats.databaseBytes > 0)
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let path = NSTemporaryDirectory() + "grapevine-not-a-db-" + UUID().uuidString
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: StoreError.self) { try QuadStore(path: path) }
    }

    @Test func descriptionReaderSeesOnlyTheNewDescription() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/other", [Quad(iri("x"), .iri(RDFVocabulary.type), iri("Thing"))])
        var seen: [Term] = []
        try fixture.publish("http://example.org/g", [Quad(iri("a"), .iri(RDFVocabulary.type), iri("Thing"))]) { reader in
            let type = try #require(try reader.id(of: .iri(RDFVocabulary.type)))
            let thing = try #require(try reader.id(of: iri("Thing")))
            seen = try reader.subjects(predicate: type, object: thing).map { try reader.term($0) }
        }
        #expect(seen == [iri("a")])
    }
}

@Suite("Default store location")
struct StoreLocationTests {
    @Test func environmentVariableWins() {
        #expect(StoreLocation.defaultPath(environment: ["GRAPEVINE_DB": "/x/y.sqlite", "HOME": "/home/u"]) == "/x/y.sqlite")
    }

    @Test func followsXDGDataHome() {
        #expect(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]) == "/data/grapevine/grapevine.sqlite")
        #expect(StoreLocation.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/grapevine/grapevine.sqlite")
    }
}
