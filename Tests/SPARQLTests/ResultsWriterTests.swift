import Foundation
import RDF
import Testing
@testable import SPARQL

@Suite("Results: writers")
struct ResultsWriterTests {
    typealias F = ResultsFixture

    let small = QueryResult.solutions(SolutionTable(variables: F.v("s", "o"), rows: [
        [F.iri("a"), .literal("x")],
        [.blank("n1"), nil],
        [nil, .literal("5", datatype: XSD.integer)],
    ]))

    @Test func jsonSolutions() throws {
        let text = try ResultFormat.json.serialize(small)
        #expect(text == """
        {
          "head": {"vars": ["s", "o"]},
          "results": {"bindings": [
            {"s": {"type": "uri", "value": "http://example.org/a"}, "o": {"type": "literal", "value": "x"}},
            {"s": {"type": "bnode", "value": "n1"}},
            {"o": {"type": "literal", "value": "5", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
          ]}
        }

        """)
        // Valid JSON, whatever the parser says about its shape.
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func jsonLiteralsFollowRDF11() {
        #expect(JSONResultWriter.encode(.literal("a", language: "en-GB")) == #"{"type": "literal", "value": "a", "xml:lang": "en-gb"}"#)
        #expect(JSONResultWriter.encode(.literal("a", datatype: XSD.string)) == #"{"type": "literal", "value": "a"}"#)
    }

    @Test func jsonEscaping() throws {
        #expect(JSONResultWriter.quote("a\"b\\c\n\r\t\u{01}\u{7F}\u{2028}é😀/") == #""a\"b\\c\n\r\t\u0001\u007F\u2028é😀/""#)
        let text = try ResultFormat.json.serialize(.solutions(F.awkward))
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func jsonBooleanAndEmpty() throws {
        #expect(try ResultFormat.json.serialize(.boolean(true)) == "{\n  \"head\": {},\n  \"boolean\": true\n}\n")
        let empty = try ResultFormat.json.serialize(.solutions(SolutionTable(variables: F.v("x"), rows: [])))
        #expect(empty == "{\n  \"head\": {\"vars\": [\"x\"]},\n  \"results\": {\"bindings\": []}\n}\n")
    }

    @Test func xmlSolutions() throws {
        let text = try ResultFormat.xml.serialize(small)
        #expect(text == """
        <?xml version="1.0" encoding="UTF-8"?>
        <sparql xmlns="http://www.w3.org/2005/sparql-results#">
          <head>
            <variable name="s"/>
            <variable name="o"/>
          </head>
          <results>
            <result>
              <binding name="s"><uri>http://example.org/a</uri></binding>
              <binding name="o"><literal>x</literal></binding>
            </result>
            <result>
              <binding name="s"><bnode>n1</bnode></binding>
            </result>
            <result>
              <binding name="o"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">5</literal></binding>
            </result>
          </results>
        </sparql>

        """)
    }

    @Test func xmlEscaping() throws {
        #expect(XMLResultWriter.escape("a<b>&c\"d'\r\n\t") == "a&lt;b&gt;&amp;c\"d'&#xD;\n\t")
        #expect(XMLResultWriter.escape("a\"b\n\t<", attribute: true) == "a&quot;b&#xA;&#x9;&lt;")
        // Characters XML 1.0 cannot hold at all become U+FFFD.
        #expect(XMLResultWriter.escape("x\u{01}y\u{1F}") == "x\u{FFFD}y\u{FFFD}")
        #expect(XMLResultWriter.encode(.literal("hi", language: "en")) == "<literal xml:lang=\"en\">hi</literal>")
        #expect(XMLResultWriter.encode(.iri("http://e/?a=1&b=2")) == "<uri>http://e/?a=1&amp;b=2</uri>")
    }

    @Test func xmlBoolean() throws {
        let text = try ResultFormat.xml.serialize(.boolean(false))
        #expect(text.contains("<head/>\n  <boolean>false</boolean>\n</sparql>"))
    }

    @Test func csvPlainStringsAndCRLF() throws {
        let text = try ResultFormat.csv.serialize(small)
        #expect(text == "s,o\r\nhttp://example.org/a,x\r\n_:n1,\r\n,5\r\n")
    }

    @Test func csvQuoting() {
        #expect(CSVResultWriter.field("plain") == "plain")
        #expect(CSVResultWriter.field("a,b") == "\"a,b\"")
        #expect(CSVResultWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVResultWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVResultWriter.field("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVResultWriter.field(" pad") == "\" pad\"")
        #expect(CSVResultWriter.field(for: .literal("")) == "\"\"")
        #expect(CSVResultWriter.field(for: .literal("chat", language: "fr")) == "chat")
        #expect(CSVResultWriter.field(for: .literal("1", datatype: XSD.integer)) == "1")
    }

    @Test func tsvTurtleTerms() throws {
        let text = try ResultFormat.tsv.serialize(small)
        #expect(text == "?s\t?o\n<http://example.org/a>\t\"x\"\n_:n1\t\n\t5\n")
    }

    @Test func tsvSpellings() {
        let s = TurtleTermSpelling.tsv
        #expect(s.spell(.literal("4", datatype: XSD.integer)) == "4")
        #expect(s.spell(.literal("-4", datatype: XSD.integer)) == "-4")
        #expect(s.spell(.literal("5.5", datatype: XSD.decimal)) == "5.5")
        #expect(s.spell(.literal("1.0E6", datatype: XSD.double)) == "1.0E6")
        // Lexical forms that are not Turtle number tokens keep the long form.
        #expect(s.spell(.literal("5.", datatype: XSD.decimal)) == "\"5.\"^^<http://www.w3.org/2001/XMLSchema#decimal>")
        #expect(s.spell(.literal("INF", datatype: XSD.double)) == "\"INF\"^^<http://www.w3.org/2001/XMLSchema#double>")
        #expect(s.spell(.literal("05", datatype: XSD.decimal)) == "\"05\"^^<http://www.w3.org/2001/XMLSchema#decimal>")
        #expect(s.spell(.literal("-3", datatype: XSD.namespace + "negativeInteger")) == "\"-3\"^^<http://www.w3.org/2001/XMLSchema#negativeInteger>")
        #expect(s.spell(.literal("true", datatype: XSD.boolean)) == "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>")
        #expect(s.spell(.literal("tab\there\nnl", language: "en")) == "\"tab\\there\\nnl\"@en")
        #expect(s.spell(.literal("1")) == "\"1\"")
    }

    @Test func tsvNeverHasRawTabsOrNewlinesInsideFields() throws {
        let text = try ResultFormat.tsv.serialize(.solutions(F.awkward))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == F.awkward.rows.count + 1)
        for line in lines { #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 3) }
    }

    @Test func tableLayout() throws {
        let text = try ResultFormat.table.serialize(small, options: ResultWriterOptions(prefixes: [("ex", F.ex)]))
        #expect(text == """
        ┌──────┬─────┐
        │ ?s   │ ?o  │
        ├──────┼─────┤
        │ ex:a │ "x" │
        │ _:n1 │     │
        │      │ 5   │
        └──────┴─────┘
        3 results

        """)
    }

    @Test func tableASCIIAndWideCharacters() throws {
        let table = QueryResult.solutions(SolutionTable(variables: F.v("x"), rows: [[.literal("日本")], [.literal("ab")]]))
        let text = try ResultFormat.table.serialize(table, options: ResultWriterOptions(prefixes: [], tableStyle: .ascii))
        #expect(text == """
        +--------+
        | ?x     |
        +--------+
        | "日本" |
        | "ab"   |
        +--------+
        2 results

        """)
    }

    @Test func tableTruncatesAndCounts() throws {
        let long = QueryResult.solutions(SolutionTable(variables: F.v("x"), rows: [[.literal(String(repeating: "a", count: 50))]]))
        let text = try ResultFormat.table.serialize(long, options: ResultWriterOptions(tableStyle: .ascii, maxCellWidth: 10))
        #expect(text.contains("| \"aaaaaaaa… |"))
        #expect(text.hasSuffix("\n1 result\n"))
        #expect(try ResultFormat.table.serialize(.boolean(true)) == "true\n")
        let none = try ResultFormat.table.serialize(.solutions(SolutionTable(variables: F.v("x"), rows: [])))
        #expect(none.hasSuffix("0 results\n"))
        let graph = try ResultFormat.table.serialize(.graph([Triple(F.iri("s"), F.iri("p"), .literal("o"))]),
                                                     options: ResultWriterOptions(prefixes: [("", F.ex)]))
        #expect(graph.contains("│ :s      │ :p        │ \"o\"    │"))
        #expect(graph.hasSuffix("1 triple\n"))
    }

    @Test func graphFormatsGoThroughRaptor() throws {
        let triples = [Triple(F.iri("s"), F.iri("p"), .literal("o", language: "en")), Triple(.blank("b"), F.iri("p"), F.iri("s"))]
        let nt = try ResultFormat.ntriples.serialize(.graph(triples))
        #expect(nt.contains("<http://example.org/s> <http://example.org/p> \"o\"@en ."))
        for format in [ResultFormat.ntriples, .turtle, .rdfxml, .nquads, .trig] {
            let back = try F.roundTrip(.graph(triples), format)
            #expect(ResultComparison.equivalent(expected: .graph(triples), actual: back, ordered: false), "\(format)")
        }
    }

    @Test func unsupportedCombinationsThrow() {
        #expect(throws: ResultFormatError.self) { try ResultFormat.json.serialize(.graph([])) }
        #expect(throws: ResultFormatError.self) { try ResultFormat.turtle.serialize(.boolean(true)) }
        #expect(throws: ResultFormatError.self) { try ResultFormat.csv.serialize(.graph([])) }
    }

    @Test func writersRejectMisuse() throws {
        var text = ""
        let writer = ResultFormat.json.writer(to: ResultOutput { text += $0 })
        #expect(throws: ResultFormatError.self) { try writer.write(solution: [nil]) }
        try writer.begin(variables: F.v("x"))
        #expect(throws: ResultFormatError.self) { try writer.write(boolean: true) }
        try writer.write(solution: [.literal("1")])
        try writer.finish()
        #expect(throws: ResultFormatError.self) { try writer.finish() }
        #expect(try JSONResultParser.parse(Data(text.utf8)) == .solutions(SolutionTable(variables: F.v("x"), rows: [[.literal("1")]])))
    }

    @Test func streamingOutputFlushesInChunksAndKeepsCharactersWhole() throws {
        var pieces: [String] = []
        let output = ResultOutput(bufferSize: 7) { pieces.append($0) }
        let writer = TSVResultWriter(output: output)
        try writer.begin(variables: F.v("x"))
        for _ in 0..<20 { try writer.write(solution: [.literal("é日😀")]) }
        #expect(pieces.count > 1, "rows reach the sink before finish")
        try writer.finish()
        let whole = pieces.joined()
        #expect(whole == "?x\n" + String(repeating: "\"é日😀\"\n", count: 20))
        // Bytes arriving cut inside a UTF-8 sequence are held back until complete.
        var text: [String] = []
        let bytesOutput = ResultOutput(bufferSize: 1) { text.append($0) }
        let bytes = Array("é😀".utf8)
        for byte in bytes { [byte].withUnsafeBytes { bytesOutput.write(bytes: $0) } }
        bytesOutput.flush()
        #expect(text == ["é", "😀"])
    }

    @Test func byteSink() throws {
        var bytes: [UInt8] = []
        let output = ResultOutput(bytes: { bytes.append(contentsOf: $0) })
        try ResultFormat.csv.writer(to: output).write(.boolean(true))
        #expect(String(decoding: bytes, as: UTF8.self) == "_askResult\r\ntrue\r\n")
    }
}
