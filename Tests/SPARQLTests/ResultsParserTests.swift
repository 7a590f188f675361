import Foundation
import RDF
import Testing
@testable import SPARQL

@Suite("Results: parsers")
struct ResultsParserTests {
    typealias F = ResultsFixture

    func table(_ result: QueryResult) throws -> SolutionTable {
        guard case .solutions(let table) = result else { throw ResultFormatError(.malformed, "not solutions: \(result)") }
        return table
    }

    @Test func jsonTermsAndLegacyForms() throws {
        let text = #"""
        {"head": {"vars": ["a", "b"], "link": ["http://example.org/meta"]},
         "results": {"bindings": [
           {"a": {"type": "uri", "value": "http://e/x"}, "b": {"type": "bnode", "value": "r1"}},
           {"a": {"type": "literal", "value": "chat", "xml:lang": "FR"}},
           {"b": {"type": "typed-literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
           {"a": {"type": "literal", "value": "s", "datatype": "http://www.w3.org/2001/XMLSchema#string"}, "c": {"type": "literal", "value": "extra"}}
         ]}}
        """#
        let result = try table(JSONResultParser.parse(Data(text.utf8)))
        #expect(result.variables == F.v("a", "b", "c"))
        #expect(result.rows == [
            [.iri("http://e/x"), .blank("r1"), nil],
            [.literal("chat", language: "fr"), nil, nil],
            [nil, .literal("1", datatype: XSD.integer), nil],
            [.literal("s"), nil, .literal("extra")],
        ])
    }

    @Test func jsonBoolean() throws {
        #expect(try JSONResultParser.parse(Data(#"{"head": {}, "boolean": false}"#.utf8)) == .boolean(false))
        #expect(try JSONResultParser.parse(Data(#"{"boolean": true}"#.utf8)) == .boolean(true))
    }

    @Test func jsonErrors() {
        for bad in ["", "[]", "{\"head\": {}}", #"{"results": {"bindings": [{"x": {"type": "thing", "value": "v"}}]}}"#,
                    #"{"results": {"bindings": [{"x": {"type": "uri"}}]}}"#, #"{"boolean": "yes"}"#] {
            #expect(throws: ResultFormatError.self, "\(bad)") { try JSONResultParser.parse(Data(bad.utf8)) }
        }
    }

    @Test func xmlTermsPrefixesAndWhitespace() throws {
        let text = """
        <?xml version="1.0"?>
        <res:sparql xmlns:res="http://www.w3.org/2005/sparql-results#">
          <res:head><res:variable name="x"/><res:variable name="y"/><res:link href="meta"/></res:head>
          <res:results>
            <res:result>
              <res:binding name="x"><res:uri> http://e/a?b=1&amp;c=2 </res:uri></res:binding>
              <res:binding name="y"><res:literal xml:lang="EN">  spaced &lt;&amp;&gt; &#xD;&#10;x </res:literal></res:binding>
            </res:result>
            <res:result>
              <res:binding name="y"><res:literal datatype="http://www.w3.org/2001/XMLSchema#integer">7</res:literal></res:binding>
              <res:binding name="x"><res:bnode>b0</res:bnode></res:binding>
            </res:result>
            <res:result/>
            <res:result><res:binding name="x"><res:literal><![CDATA[<raw>]]></res:literal></res:binding></res:result>
          </res:results>
        </res:sparql>
        """
        let result = try table(XMLResultParser.parse(Data(text.utf8)))
        #expect(result.variables == F.v("x", "y"))
        #expect(result.rows == [
            [.iri("http://e/a?b=1&c=2"), .literal("  spaced <&> \r\nx ", language: "en")],
            [.blank("b0"), .literal("7", datatype: XSD.integer)],
            [nil, nil],
            [.literal("<raw>"), nil],
        ])
    }

    @Test func xmlBooleanAndErrors() throws {
        let yes = #"<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean> true </boolean></sparql>"#
        #expect(try XMLResultParser.parse(Data(yes.utf8)) == .boolean(true))
        for bad in ["<sparql><head/><boolean>maybe</boolean></sparql>", "<sparql><head/>", "<other/>",
                    "<sparql><results><result><binding name='x'><uri>a</uri><uri>b</uri></binding></result></results></sparql>",
                    "<sparql><results><binding name='x'><uri>a</uri></binding></results></sparql>"] {
            #expect(throws: ResultFormatError.self, "\(bad)") { try XMLResultParser.parse(Data(bad.utf8)) }
        }
    }

    @Test func csvRecordsAndGuessedTerms() throws {
        let text = "a,b,c\r\nhttp://e/x,_:b1,\"4,4\"\r\n\"\",,plain\nmailto:me@example.org,\"multi\r\nline \"\"q\"\"\",no iri: here\n"
        let result = try table(CSVResultParser.parse(text))
        #expect(result.variables == F.v("a", "b", "c"))
        #expect(result.rows == [
            [.iri("http://e/x"), .blank("b1"), .literal("4,4")],
            [.literal(""), nil, .literal("plain")],
            [.iri("mailto:me@example.org"), .literal("multi\r\nline \"q\""), .literal("no iri: here")],
        ])
        let literalsOnly = try table(CSVResultParser.parse("a\nhttp://e/x\n", recognizeIRIs: false))
        #expect(literalsOnly.rows == [[.literal("http://e/x")]])
    }

    @Test func csvEdgeCases() throws {
        // An empty line is a solution with everything unbound; the final line break is not a line.
        #expect(try table(CSVResultParser.parse("x\r\n\r\n")).rows == [[nil]])
        #expect(try table(CSVResultParser.parse("x\r\n1")).rows == [[.literal("1")]])
        // No variables: each line is one empty solution.
        #expect(try table(CSVResultParser.parse("\r\n\r\n\r\n")) == SolutionTable(variables: [], rows: [[], []]))
        #expect(try CSVResultParser.parse("_askResult\r\nfalse\r\n") == .boolean(false))
        #expect(throws: ResultFormatError.self) { try CSVResultParser.parse("x\n\"open") }
        #expect(throws: ResultFormatError.self) { try CSVResultParser.parse("x\n1,2\n") }
        #expect(throws: ResultFormatError.self) { try CSVResultParser.parse("x\n\"a\"b\n") }
        #expect(throws: ResultFormatError.self) { try CSVResultParser.parse("") }
    }

    @Test func tsvTerms() throws {
        let text = """
        ?a\t$b\t?c
        <http://e/x>\t_:b1\t"tab\\there \\"q\\" \\u00E9\\U0001F600"@EN-gb
        'single'\t"x"^^<http://e/dt>\t\"\"\"long "quoted" \"\"\"
        -4\t5.5\t1.0e6
        true\t.5\t
        \t\t
        """ + "\n"
        let result = try table(TSVResultParser.parse(text))
        #expect(result.variables == F.v("a", "b", "c"))
        #expect(result.rows == [
            [.iri("http://e/x"), .blank("b1"), .literal("tab\there \"q\" é😀", language: "en-gb")],
            [.literal("single"), .literal("x", datatype: "http://e/dt"), .literal("long \"quoted\" ")],
            [.literal("-4", datatype: XSD.integer), .literal("5.5", datatype: XSD.decimal), .literal("1.0e6", datatype: XSD.double)],
            [.literal("true", datatype: XSD.boolean), .literal(".5", datatype: XSD.decimal), nil],
            [nil, nil, nil],
        ])
    }

    @Test func tsvEdgeCasesAndErrors() throws {
        #expect(try table(TSVResultParser.parse("?x\r\n<http://e/a>\r\n")).rows == [[.iri("http://e/a")]])
        #expect(try TSVResultParser.parse("?_askResult\ntrue\n") == .boolean(true))
        #expect(try table(TSVResultParser.parse("\n\n")) == SolutionTable(variables: [], rows: [[]]))
        for bad in ["x\n", "?x\nbare\n", "?x\n\"open\n", "?x\n<http://e/a> extra\n", "?x\n\"a\"^^xsd:string\n", "?x\t?y\n1\t2\t3\n", "?x\n\"\\q\"\n"] {
            #expect(throws: ResultFormatError.self, "\(bad)") { try TSVResultParser.parse(bad) }
        }
        do {
            _ = try TSVResultParser.parse("?x\n1\n<oops\n")
            Issue.record("expected an error")
        } catch let error as ResultFormatError {
            #expect(error.line == 3)
        }
    }

    @Test func formatFromFileNames() throws {
        #expect(ResultFormat(fileExtension: "srj") == .json)
        #expect(ResultFormat(fileExtension: "SRX") == .xml)
        #expect(ResultFormat(fileExtension: "ttl") == .turtle)
        #expect(ResultFormat(fileExtension: "txt") == nil)
        #expect(ResultFormat(name: "n-triples") == .ntriples)
        #expect(ResultFormat(name: "text") == .table)
        let result = try ResultParser.parse(contentsOf: F.w3cFile("json-res/jsonres03.srj"))
        #expect(result == .boolean(true))
        #expect(throws: ResultFormatError.self) { try ResultParser.parse("x", format: .table) }
    }
}

@Suite("Results: result-set vocabulary")
struct ResultsResultSetVocabularyTests {
    @Test func w3cResultSetGraph() throws {
        let url = ResultsFixture.w3cFile("aggregates/agg-empty-group-count-graph.ttl")
        guard case .graph(let triples) = try ResultParser.parse(contentsOf: url) else { Issue.record("not a graph"); return }
        let result = try #require(try ResultSetVocabulary.decode(triples))
        let base = url.deletingLastPathComponent()
        #expect(result == .solutions(SolutionTable(variables: ResultsFixture.v("g", "c"), rows: [
            [.iri(base.appendingPathComponent("singleton.ttl").absoluteString), .literal("0", datatype: XSD.integer)],
            [.iri(base.appendingPathComponent("pair.ttl").absoluteString), .literal("2", datatype: XSD.integer)],
        ])) || result == .solutions(SolutionTable(variables: ResultsFixture.v("g", "c"), rows: [
            [.iri(base.appendingPathComponent("pair.ttl").absoluteString), .literal("2", datatype: XSD.integer)],
            [.iri(base.appendingPathComponent("singleton.ttl").absoluteString), .literal("0", datatype: XSD.integer)],
        ])))
    }

    @Test func indexesBooleansAndPlainGraphs() throws {
        let rs = ResultSetVocabulary.namespace
        func t(_ s: Term, _ p: String, _ o: Term) -> Triple { Triple(s, .iri(p), o) }
        let set = Term.blank("set")
        let triples = [
            t(set, RDFVocabulary.type, .iri(rs + "ResultSet")), t(set, rs + "resultVariable", .literal("x")),
            t(set, rs + "solution", .blank("s2")), t(set, rs + "solution", .blank("s1")),
            t(.blank("s1"), rs + "index", .literal("1", datatype: XSD.integer)),
            t(.blank("s2"), rs + "index", .literal("2", datatype: XSD.integer)),
            t(.blank("s1"), rs + "binding", .blank("b1")), t(.blank("b1"), rs + "variable", .literal("x")), t(.blank("b1"), rs + "value", .literal("first")),
            t(.blank("s2"), rs + "binding", .blank("b2")), t(.blank("b2"), rs + "variable", .literal("x")), t(.blank("b2"), rs + "value", .blank("node")),
        ]
        #expect(try ResultSetVocabulary.decode(triples) == .solutions(SolutionTable(variables: ResultsFixture.v("x"), rows: [[.literal("first")], [.blank("node")]])))
        let ask = [t(set, RDFVocabulary.type, .iri(rs + "ResultSet")), t(set, rs + "boolean", .literal("true", datatype: XSD.boolean))]
        #expect(try ResultSetVocabulary.decode(ask) == .boolean(true))
        #expect(try ResultSetVocabulary.decode([t(.iri("http://e/a"), "http://e/p", .literal("o"))]) == nil)
    }
}
