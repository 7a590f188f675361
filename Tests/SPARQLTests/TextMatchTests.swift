import Foundation
import RDF
import SPARQL
import Store
import Testing

/// `?t gv:matches "keywords"`: keyword search through the store's full-text index, joined with
/// the rest of the pattern.
@Suite("gv:matches keyword search")
struct TextMatchTests {
    static let prefixes = """
        PREFIX gv: <https://w3id.org/grapevine/ns#>
        PREFIX ex: <http://example.org/>

        """
    static let titles: [(resource: String, title: Term)] = [
        ("a", .literal("Wetlands of the north")),
        ("b", .literal("Wétlands survey, 2024")),
        ("c", .literal("A single wetland")),
        ("d", .literal("Birds and WETLANDS", language: "en")),
        ("e", .literal("Mapping wetlandsrestoration")),
        ("f", .literal("wetlands", datatype: "http://example.org/token")),
        ("g", .literal("Upland farms")),
        ("h", .literal("wetlands-and-rivers")),
    ]

    /// Two descriptions: the titles in one graph, creators in another.
    func store() throws -> QuadStore {
        let store = try QuadStore.inMemory()
        _ = try store.publish(DescriptionHeader(graph: "http://example.org/titles", source: "test", syntax: "nquads", origin: .unsigned)) { writer in
            try writer.add(Self.titles.map { Quad(.iri("http://example.org/" + $0.resource), .iri("http://example.org/title"), $0.title) })
        }
        _ = try store.publish(DescriptionHeader(graph: "http://example.org/people", source: "test", syntax: "nquads", origin: .unsigned)) { writer in
            try writer.add([
                Quad(.iri("http://example.org/a"), .iri("http://example.org/creator"), .literal("Ulla")),
                Quad(.iri("http://example.org/d"), .iri("http://example.org/creator"), .literal("Ines")),
            ])
        }
        return store
    }

    func rows(_ query: String, in store: QuadStore) throws -> [[String?]] {
        guard case .solutions(let table) = try QueryEngine(store: store).execute(try SPARQLParser.parse(Self.prefixes + query)) else {
            Issue.record("not a SELECT result")
            return []
        }
        return table.rows.map { row in
            row.map { term -> String? in
                switch term {
                case .iri(let iri)?: iri.replacingOccurrences(of: "http://example.org/", with: "")
                case .literal(let literal)?: literal.lexical
                default: nil
                }
            }
        }.sorted { $0.description < $1.description }
    }

    func resources(_ query: String, in store: QuadStore) throws -> Set<String> {
        Set(try rows(query, in: store).compactMap { $0.first ?? nil })
    }

    /// The word-level reference: text literals with `word` among their words, case and
    /// diacritics folded.
    func reference(_ word: String) -> Set<String> {
        let wanted = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Set(Self.titles.filter { entry in
            guard case .literal(let literal) = entry.title,
                  literal.language != nil || literal.datatype == XSD.string else { return false }
            return literal.lexical.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split { !$0.isLetter && !$0.isNumber }.contains { $0 == wanted }
        }.map(\.resource))
    }

    @Test("finds the text literals with the word, as a word-level reference does")
    func matchesTheReference() throws {
        let store = try store()
        for word in ["wetlands", "wetland", "north", "survey", "upland", "farms", "2024"] {
            let found = try resources("SELECT ?r WHERE { ?t gv:matches \"\(word)\" . ?r ex:title ?t }", in: store)
            #expect(found == reference(word), "\(word)")
        }
        #expect(try resources("SELECT ?r WHERE { ?t gv:matches \"wetlands\" . ?r ex:title ?t }", in: store) == ["a", "b", "d", "h"])
    }

    @Test("folds case and diacritics, on both sides")
    func foldsCaseAndDiacritics() throws {
        let store = try store()
        #expect(try resources("SELECT ?r WHERE { ?r ex:title ?t . ?t gv:matches \"WÉTLANDS\" }", in: store) == ["a", "b", "d", "h"])
        #expect(try resources("SELECT ?r WHERE { ?r ex:title ?t . ?t gv:matches \"wetlands survey\" }", in: store) == ["b"])
    }

    @Test("a trailing * makes a word a prefix; other words are whole words")
    func prefixes() throws {
        let store = try store()
        #expect(try resources("SELECT ?r WHERE { ?t gv:matches \"wetl*\" . ?r ex:title ?t }", in: store) == ["a", "b", "c", "d", "e", "h"])
        #expect(try resources("SELECT ?r WHERE { ?t gv:matches \"wetland\" . ?r ex:title ?t }", in: store) == ["c"])
    }

    @Test("no match is an empty result")
    func noMatch() throws {
        let store = try store()
        #expect(try rows("SELECT ?r WHERE { ?t gv:matches \"marshes\" . ?r ex:title ?t }", in: store).isEmpty)
        #expect(try rows("SELECT ?t WHERE { ?t gv:matches \"marshes\" }", in: store).isEmpty)
        #expect(try rows("SELECT ?r WHERE { \"Upland farms\" gv:matches \"wetlands\" . ?r ex:title ?t }", in: store).isEmpty)
    }

    @Test("the same rows in every join order and around OPTIONAL, UNION, GRAPH and FROM")
    func joinOrders() throws {
        let store = try store()
        let expected: [[String?]] = [["a", "Ulla"], ["d", "Ines"]]
        for body in [
            "?t gv:matches \"wetlands\" . ?r ex:title ?t . ?r ex:creator ?c",
            "?r ex:title ?t . ?t gv:matches \"wetlands\" . ?r ex:creator ?c",
            "?r ex:creator ?c . ?r ex:title ?t . ?t gv:matches \"wetlands\"",
            "?r ex:creator ?c { ?r ex:title ?t . ?t gv:matches \"wetlands\" }",
            "?r ex:creator ?c FILTER EXISTS { ?r ex:title ?t . ?t gv:matches \"wetlands\" }",
        ] {
            #expect(try rows("SELECT ?r ?c WHERE { \(body) }", in: store) == expected, "\(body)")
        }
        #expect(try rows("SELECT ?r ?c WHERE { ?t gv:matches \"wetlands\" . ?r ex:title ?t OPTIONAL { ?r ex:creator ?c } }", in: store)
                == [["a", "Ulla"], ["b", nil], ["d", "Ines"], ["h", nil]])
        #expect(try resources("SELECT ?r WHERE { { ?t gv:matches \"north\" } UNION { ?t gv:matches \"birds\" } ?r ex:title ?t }", in: store)
                == ["a", "d"])
        #expect(try resources("SELECT ?r WHERE { GRAPH ex:titles { ?t gv:matches \"wetlands\" . ?r ex:title ?t } }", in: store)
                == ["a", "b", "d", "h"])
        #expect(try resources("SELECT ?r WHERE { GRAPH ex:people { ?t gv:matches \"wetlands\" . ?r ex:title ?t } }", in: store).isEmpty)
        #expect(try resources("SELECT ?r FROM ex:people WHERE { ?t gv:matches \"wetlands\" . ?r ex:title ?t }", in: store).isEmpty)
        #expect(try resources("SELECT ?r FROM ex:titles WHERE { ?t gv:matches \"survey\" . ?r ex:title ?t }", in: store) == ["b"])
        #expect(try resources("SELECT ?r WHERE { ?r ex:title \"Upland farms\" . \"Upland farms\" gv:matches \"farms\" }", in: store) == ["g"])
    }

    @Test("the FILTER form gv:matches(?t, \"keywords\") agrees with the property function")
    func filterForm() throws {
        let store = try store()
        for keywords in ["wetlands", "WÉTLANDS survey", "wetl*", "marshes"] {
            let property = try resources("SELECT ?r WHERE { ?t gv:matches \"\(keywords)\" . ?r ex:title ?t }", in: store)
            let filter = try resources("SELECT ?r WHERE { ?r ex:title ?t FILTER(gv:matches(?t, \"\(keywords)\")) }", in: store)
            #expect(filter == property, "\(keywords)")
        }
        #expect(try resources("SELECT ?r WHERE { ?r ex:title ?t FILTER(!gv:matches(?t, \"wetlands\")) }", in: store) == ["c", "e", "g"])
        let query = try SPARQLParser.parse(Self.prefixes + "SELECT ?r WHERE { ?r ex:title ?t FILTER(gv:matches(?t, 3)) }")
        #expect(throws: QueryError.self) { _ = try QueryEngine(store: store).execute(query) }
    }

    @Test("an object that is not a string of words is a clear error")
    func badArguments() throws {
        let store = try store()
        for object in ["?x", "ex:wetlands", "42", "\"  * \"", "\"\""] {
            let query = try SPARQLParser.parse(Self.prefixes + "SELECT ?t WHERE { ?t gv:matches \(object) }")
            #expect {
                _ = try QueryEngine(store: store).execute(query)
            } throws: { error in
                (error as? QueryError).map { "\($0)".contains("gv:matches") } ?? false
            }
        }
    }

    @Test("REGEX over plain text and numeric FILTERs keep SPARQL's answers on their fast paths")
    func fastFiltersAgreeWithTheGeneralPath() throws {
        let store = try QuadStore.inMemory()
        let values: [Term] = [
            .literal("7", datatype: XSD.integer), .literal("abc"), .literal("3.5e0", datatype: XSD.double),
            .literal("NaN", datatype: XSD.double), .literal("x", datatype: XSD.integer), .literal("10.0", datatype: XSD.decimal),
            .literal("Kelvin \u{212A}ELP"), .literal("kelp beds"), .literal("KELP", language: "en"), .iri("http://example.org/kelp"),
        ]
        _ = try store.publish(DescriptionHeader(graph: "http://example.org/v", source: "test", syntax: "nquads", origin: .unsigned)) { writer in
            try writer.add(values.enumerated().map { Quad(.iri("http://example.org/s\($0.offset)"), .iri("http://example.org/v"), $0.element) })
        }
        func found(_ filter: String) throws -> Set<String> {
            Set(try rows("SELECT ?v WHERE { ?s ex:v ?v FILTER(\(filter)) }", in: store).compactMap { $0[0] })
        }
        #expect(try found("?v > 5") == ["7", "10.0"])
        #expect(try found("5 < ?v && ?v <= 7") == ["7"])
        #expect(try found("!(?v > 5)") == ["3.5e0", "NaN"])
        #expect(try found("?v > 5 || ?v = \"abc\"") == ["7", "10.0", "abc"])
        #expect(try found("REGEX(?v, \"kelp\", \"i\")") == ["Kelvin \u{212A}ELP", "kelp beds", "KELP"])
        #expect(try found("REGEX(?v, \"kelp\")") == ["kelp beds"])
        #expect(try found("REGEX(?v, \"ELP\")") == ["Kelvin \u{212A}ELP", "KELP"])
    }
}
