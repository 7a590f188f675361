import Foundation
import GRDB
import RDF
import Store
import Testing

@Suite("Keyword search over literals")
struct TextSearchTests {
    /// The lexical forms `query` finds, best first.
    func search(_ fixture: StoreFixture, _ query: String, limit: Int = 50) throws -> [String] {
        try fixture.store.read { snapshot in
            try snapshot.searchText(query, limit: limit).map { try snapshot.term($0.termID).literalValue?.lexical ?? "?" }
        }
    }

    /// FTS5's own check that the index matches the text it was built from.
    func checkIndexIntegrity(_ fixture: StoreFixture) throws {
        let queue = try DatabaseQueue(path: fixture.path)
        defer { try? queue.close() }
        try queue.write { db in try db.execute(sql: "INSERT INTO term_text(term_text, rank) VALUES ('integrity-check', 1)") }
    }

    @Test func findsLiteralsContainingEveryWord() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("title"), .literal("Quiet river field recordings")),
            Quad(iri("a"), iri("description"), .literal("Recordings made along a river at dawn", language: "en")),
            Quad(iri("b"), iri("title"), .literal("Mountain field notes")),
        ])
        #expect(Set(try search(fixture, "river")) == ["Quiet river field recordings", "Recordings made along a river at dawn"])
        #expect(try search(fixture, "field river") == ["Quiet river field recordings"])
        #expect(try search(fixture, "FIELD") .count == 2)
        #expect(try search(fixture, "ocean").isEmpty)
    }

    @Test func ranksTheClosestMatchFirst() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("description"), .literal("A long description that mentions a lantern once among many other words of little interest")),
            Quad(iri("b"), iri("title"), .literal("Lantern")),
            Quad(iri("c"), iri("title"), .literal("Lantern lantern lantern press")),
        ])
        let results = try fixture.store.read { try $0.searchText("lantern", limit: 10) }
        #expect(results.count == 3)
        #expect(zip(results, results.dropFirst()).allSatisfy { $0.rank >= $1.rank })
        let found = try search(fixture, "lantern")
        #expect(found.last == "A long description that mentions a lantern once among many other words of little interest")
        #expect(try search(fixture, "lantern", limit: 1).count == 1)
        #expect(try search(fixture, "lantern", limit: 0).isEmpty)
    }

    @Test func unrankedMatchesAreTheRankedOnesInAnyOrder() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("description"), .literal("A long description that mentions a lantern once among many other words")),
            Quad(iri("b"), iri("title"), .literal("Lantern")),
            Quad(iri("c"), iri("title"), .literal("Lantern lantern press")),
            Quad(iri("d"), iri("title"), .literal("Lanterns, not the same word")),
        ])
        try fixture.store.read { snapshot in
            let ranked = try snapshot.searchText("lantern", limit: 10, prefixLastWord: false).map(\.termID)
            let unranked = try snapshot.textMatches("lantern", limit: 10, prefixLastWord: false)
            #expect(ranked.count == 3)
            #expect(Set(unranked) == Set(ranked))
            #expect(try snapshot.textMatches("lantern", limit: 2, prefixLastWord: false).count == 2)
            #expect(try snapshot.textMatches("lantern press", limit: 10, prefixLastWord: false).count == 1)
            #expect(try snapshot.textMatches("lantern", limit: 10).count == 4, "the last word is a prefix while typing")
            #expect(try snapshot.textMatches("  ", limit: 10).isEmpty)
        }
    }

    @Test func theLastWordMatchesAsAPrefixWhileTyping() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("title"), .literal("Embedded database engine"))])
        #expect(try search(fixture, "datab") == ["Embedded database engine"])
        #expect(try search(fixture, "embedded datab") == ["Embedded database engine"])
        // A finished word (followed by a space) is matched whole; only the last word is a prefix.
        #expect(try search(fixture, "datab ").isEmpty)
        #expect(try search(fixture, "embed database").isEmpty)
        let exact = try fixture.store.read { try $0.searchText("datab", limit: 5, prefixLastWord: false) }
        #expect(exact.isEmpty)
    }

    @Test func foldsCaseAndDiacritics() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("description"), .literal("Région mesures été archives", language: "fr")),
        ])
        #expect(try search(fixture, "region ete").count == 1)
        #expect(try search(fixture, "RÉGION").count == 1)
    }

    @Test func onlyTextLiteralsAreIndexed() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("date"), .literal("2024-05-01", datatype: XSD.date)),
            Quad(iri("a"), iri("size"), .literal("2024", datatype: XSD.nonNegativeInteger)),
            Quad(iri("a"), iri("link"), .iri("http://example.org/2024")),
            Quad(iri("a"), iri("title"), .literal("Report 2024")),
        ])
        #expect(try search(fixture, "2024") == ["Report 2024"])
        #expect(try search(fixture, "example").isEmpty)
        // What is indexed is exactly what the index's view of `terms` holds, odd literals too.
        try fixture.publish("http://example.org/odd", [
            Quad(iri("b"), iri("title"), .literal("")),
            Quad(iri("b"), iri("title"), .literal("", language: "en")),
            Quad(iri("b"), iri("title"), .literal("nul\u{0}inside")),
            Quad(iri("b"), iri("title"), .literal("Titel", language: "de-CH")),
            Quad(.blank("x"), iri("label"), .literal("in a blank node")),
            Quad(iri("b"), iri("note"), .literal("custom", datatype: "http://example.org/type")),
        ])
        try checkIndexIntegrity(fixture)
        #expect(try search(fixture, "titel") == ["Titel"])
        #expect(try search(fixture, "blank") == ["in a blank node"])
        #expect(try search(fixture, "custom").isEmpty)
        try fixture.store.retract(graph: "http://example.org/odd")
        try checkIndexIntegrity(fixture)
    }

    @Test func replacingAGraphReplacesItsWords() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("title"), .literal("Alpha release"))])
        try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("title"), .literal("Beta release"))])
        #expect(try search(fixture, "alpha").isEmpty)
        #expect(try search(fixture, "beta") == ["Beta release"])
        #expect(try search(fixture, "release") == ["Beta release"])
        try checkIndexIntegrity(fixture)
    }

    @Test func retractingRemovesWordsNothingElseUses() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/keep", [Quad(iri("a"), iri("title"), .literal("Shared title"))])
        try fixture.publish("http://example.org/drop", [
            Quad(iri("b"), iri("title"), .literal("Shared title")),
            Quad(iri("b"), iri("description"), .literal("Only in the dropped one", language: "en")),
        ])
        #expect(try search(fixture, "dropped").count == 1)
        try fixture.store.retract(graph: "http://example.org/drop")
        #expect(try search(fixture, "dropped").isEmpty)
        // The literal the kept graph still uses stays findable.
        #expect(try search(fixture, "shared") == ["Shared title"])
        try checkIndexIntegrity(fixture)
        try fixture.store.retract(graph: "http://example.org/keep")
        #expect(try search(fixture, "shared").isEmpty)
        try checkIndexIntegrity(fixture)
    }

    @Test func aRefusedPublishLeavesTheIndexAsItWas() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("title"), .literal("Original words"))])
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("title"), .literal("Replacement words"))],
                                check: { _ in throw Refused() })
        }
        #expect(try search(fixture, "original") == ["Original words"])
        #expect(try search(fixture, "replacement").isEmpty)
        try checkIndexIntegrity(fixture)
    }

    @Test(arguments: [
        "\"", "\"river", "river\"", "\"\"\"", "NEAR(", "NEAR(river field)", "river NEAR/2 field", "*", "river*", "-river",
        "- river", "river -", "^river", "river AND", "AND OR NOT", "lexical:river", "{lexical}: river", "(river",
        "river)", "'", "river' OR '1'='1", "\\", "%", "+river", "\u{0}", "river\u{0}field",
    ])
    func hostileInputIsOnlyText(_ query: String) throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("title"), .literal("Quiet river field recordings")),
            Quad(iri("b"), iri("title"), .literal("Near and far: a river and field guide")),
        ])
        // Never a syntax error from FTS5, whatever the user typed.
        _ = try search(fixture, query)
        _ = try fixture.store.read { try $0.searchText(query, limit: 5, prefixLastWord: false) }
    }

    @Test func operatorsAreSearchedForAsWords() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [
            Quad(iri("a"), iri("title"), .literal("Quiet river field recordings")),
            Quad(iri("b"), iri("title"), .literal("Near and far: a river and field guide")),
        ])
        // NEAR and AND are words here, not operators: only the guide has them. A word with
        // punctuation inside is a phrase of its parts ("NEAR(river" is "near river", adjacent).
        #expect(try search(fixture, "NEAR (far)") == ["Near and far: a river and field guide"])
        #expect(try search(fixture, "NEAR(river field)").isEmpty)
        #expect(try search(fixture, "far:a") == ["Near and far: a river and field guide"])
        #expect(try search(fixture, "river AND field") == ["Near and far: a river and field guide"])
        // A leading '-' does not exclude, a quote does not start a phrase, '*' alone is no word.
        #expect(try search(fixture, "-far").count == 1)
        #expect(try search(fixture, "\"quiet").count == 1)
        #expect(try search(fixture, "*").isEmpty)
        #expect(try search(fixture, "lexical:river").isEmpty)
    }

    @Test func matchExpressionsQuoteEveryWord() {
        #expect(TextSearch.matchExpression("river field") == "\"river\" \"field\"*")
        #expect(TextSearch.matchExpression("river field ") == "\"river\" \"field\"")
        #expect(TextSearch.matchExpression("say \"hi\"", prefixLastWord: false) == "\"say\" \"\"\"hi\"\"\"")
        #expect(TextSearch.matchExpression("peer-to-peer") == "\"peer-to-peer\"*")
        #expect(TextSearch.matchExpression("river *") == "\"river\"")
        #expect(TextSearch.matchExpression("  * - ") == nil)
        #expect(TextSearch.matchExpression("") == nil)
        let many = (1...40).map { "w\($0)" }.joined(separator: " ")
        #expect(TextSearch.words(in: many).count == TextSearch.maximumWords)
        #expect(TextSearch.matchExpression(many)?.hasSuffix("*") == false)
    }

    @Test func openingAnOlderStoreBuildsTheIndex() throws {
        let fixture = try StoreFixture()
        try fixture.publish("http://example.org/g", [Quad(iri("a"), iri("title"), .literal("Backfilled title"))])
        // Take the store back to before the text index, as a store written by an older version.
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.write { db in
            try db.execute(sql: """
                DROP TABLE term_text; DROP VIEW text_terms;
                DELETE FROM grdb_migrations WHERE identifier = 'v2: text search';
                """)
        }
        try queue.close()
        let reopened = try QuadStore(path: fixture.path)
        let found = try reopened.read { snapshot in
            try snapshot.searchText("backfilled", limit: 5).map { try snapshot.term($0.termID) }
        }
        #expect(found == [.literal("Backfilled title")])
        try reopened.retract(graph: "http://example.org/g")
        try checkIndexIntegrity(fixture)
    }
}
