import Foundation
import RDF
import Testing
@testable import SPARQL

/// The W3C SPARQL 1.1 result-format tests (`manifest-sparql11-results.ttl`: json-res and
/// csv-tsv-res). They ask an engine to run a query and compare its output in one format with an
/// expected file. Without the engine, the tables those queries produce are written out here by
/// hand (from data.ttl and data2.ttl); the tests check that the writers produce the expected
/// files (byte for byte where the format fixes the spelling), and that the expected files read
/// back as those tables.
@Suite("Results: W3C result-format tests")
struct ResultsW3CFormatTests {
    typealias F = ResultsFixture

    static let xsd = XSD.namespace

    /// csvtsv01 and jsonres01: `SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o` over data.ttl.
    /// The blank node is labelled as the expected files label it.
    static func table01(json: Bool, blank: String) -> SolutionTable {
        SolutionTable(variables: F.v("s", "p", "o"), rows: [
            [F.iri("s1"), F.iri("p1"), F.iri("s2")],
            [F.iri("s2"), F.iri("p2"), .literal("foo")],
            [F.iri("s3"), F.iri(json ? "p2" : "p3"), .literal("bar")],
            [F.iri("s4"), F.iri("p4"), .literal("4", datatype: XSD.integer)],
            json ? [F.iri("s5"), F.iri("p5"), .literal("5", datatype: XSD.decimal)]
                 : [F.iri("s5"), F.iri("p5"), .literal("5.5", datatype: XSD.decimal)],
            [F.iri("s6"), F.iri("p6"), .blank(blank)],
        ])
    }

    /// csvtsv02 and jsonres02: the same with `OPTIONAL { ?o ?p2 ?o2 }`.
    static func table02(json: Bool, blank: String) -> SolutionTable {
        var table = table01(json: json, blank: blank)
        table.variables += F.v("p2", "o2")
        table.rows = table.rows.map { $0 + [nil, nil] }
        table.rows[0][3] = F.iri("p2")
        table.rows[0][4] = .literal("foo")
        return table
    }

    /// csvtsv03: data2.ttl, with its typed literals.
    static let table03 = SolutionTable(variables: F.v("s", "p", "o"), rows: [
        [F.iri("s1"), F.iri("p1"), .literal("1")],
        [F.iri("s2"), F.iri("p2"), .literal("2.2", datatype: XSD.decimal)],
        [F.iri("s3"), F.iri("p3"), .literal("-3", datatype: xsd + "negativeInteger")],
        [F.iri("s4"), F.iri("p4"), .literal("4,4")],
        [F.iri("s5"), F.iri("p5"), .literal("5,5", datatype: F.ex + "myCustomDatatype")],
        [F.iri("s6"), F.iri("p6"), .literal("1.0E6", datatype: XSD.double)],
        [F.iri("s7"), F.iri("p7"), .literal("a7", datatype: xsd + "hexBinary")],
    ])

    /// The expected files use LF where the CSV specification says CRLF.
    func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    @Test func manifestListsTheseTests() throws {
        let top = try F.w3cText("manifest-sparql11-results.ttl")
        #expect(top.contains("<csv-tsv-res/manifest.ttl>") && top.contains("<json-res/manifest.ttl>"))
        let csv = try F.w3cText("csv-tsv-res/manifest.ttl")
        for name in ["csvtsv01.csv", "csvtsv01.tsv", "csvtsv02.csv", "csvtsv02.tsv", "csvtsv03.csv", "csvtsv03.tsv"] {
            #expect(csv.contains("<\(name)>"))
        }
        let json = try F.w3cText("json-res/manifest.ttl")
        for name in ["jsonres01.srj", "jsonres02.srj", "jsonres03.srj", "jsonres04.srj"] { #expect(json.contains("<\(name)>")) }
    }

    @Test(arguments: [("csvtsv01", 1), ("csvtsv02", 2)])
    func csvMatchesByteForByte(_ name: String, _ number: Int) throws {
        let table = number == 1 ? Self.table01(json: false, blank: "a") : Self.table02(json: false, blank: "a")
        let expected = try F.w3cText("csv-tsv-res/\(name).csv")
        #expect(try ResultFormat.csv.serialize(.solutions(table)) == crlf(expected))
        let read = try ResultParser.parse(expected, format: .csv)
        #expect(ResultComparison.equivalent(expected: read, actual: .solutions(Self.table01or02(number, blank: "x")), ordered: true, mode: .lenientLexical))
    }

    static func table01or02(_ number: Int, blank: String) -> SolutionTable {
        number == 1 ? table01(json: false, blank: blank) : table02(json: false, blank: blank)
    }

    @Test(arguments: [("csvtsv01", 1), ("csvtsv02", 2)])
    func tsvMatchesByteForByte(_ name: String, _ number: Int) throws {
        let expected = try F.w3cText("csv-tsv-res/\(name).tsv")
        #expect(try ResultFormat.tsv.serialize(.solutions(Self.table01or02(number, blank: "b0"))) == expected)
        // TSV is lossless: the file reads back as the table exactly, up to the blank node label.
        let read = try ResultParser.parse(expected, format: .tsv)
        #expect(ResultComparison.equivalent(expected: read, actual: .solutions(Self.table01or02(number, blank: "z")), ordered: true))
    }

    @Test func csv03TypedLiteralsAreLostButCompareLeniently() throws {
        let expected = try F.w3cText("csv-tsv-res/csvtsv03.csv")
        #expect(try ResultFormat.csv.serialize(.solutions(Self.table03)) == crlf(expected))
        let read = try ResultParser.parse(expected, format: .csv)
        #expect(ResultComparison.equivalent(expected: read, actual: .solutions(Self.table03), ordered: true, mode: .lenientLexical))
        #expect(!ResultComparison.equivalent(expected: read, actual: .solutions(Self.table03), ordered: true))
    }

    @Test func tsv03DoubleSpellingDiffers() throws {
        // The expected file writes the double 1.0E6 as `1.0e6`; we keep the lexical form, which
        // is the same value (and the only difference).
        let expected = try F.w3cText("csv-tsv-res/csvtsv03.tsv")
        let ours = try ResultFormat.tsv.serialize(.solutions(Self.table03))
        #expect(ours == expected.replacingOccurrences(of: "1.0e6", with: "1.0E6"))
        let read = try ResultParser.parse(expected, format: .tsv)
        #expect(ResultComparison.equivalent(expected: read, actual: .solutions(Self.table03), ordered: true, mode: .lenientLexical))
        let lines = ResultComparison.differences(expected: read, actual: .solutions(Self.table03), ordered: true)
        #expect(lines.count == 2 && lines[0].contains("1.0e6") && lines[1].contains("1.0E6"), "\(lines)")
    }

    @Test(arguments: [1, 2])
    func jsonSelect(_ number: Int) throws {
        let table = number == 1 ? Self.table01(json: true, blank: "q") : Self.table02(json: true, blank: "q")
        let expected = try ResultParser.parse(contentsOf: F.w3cFile("json-res/jsonres0\(number).srj"))
        #expect(ResultComparison.equivalent(expected: expected, actual: .solutions(table), ordered: true))
        // What we write reads back as what the expected file holds.
        let ours = try ResultParser.parse(try ResultFormat.json.serialize(.solutions(table)), format: .json)
        #expect(ResultComparison.equivalent(expected: expected, actual: ours, ordered: true))
        // Head variables in the expected order.
        guard case .solutions(let read) = expected else { Issue.record("not solutions"); return }
        #expect(read.variables == table.variables)
    }

    @Test(arguments: [(3, true), (4, false)])
    func jsonAsk(_ number: Int, _ answer: Bool) throws {
        let expected = try ResultParser.parse(contentsOf: F.w3cFile("json-res/jsonres0\(number).srj"))
        #expect(expected == .boolean(answer))
        #expect(try ResultParser.parse(try ResultFormat.json.serialize(.boolean(answer)), format: .json) == expected)
    }

    /// Every expected file: parse, write in the same format, parse again: the same result.
    @Test func expectedFilesSurviveTheirOwnFormat() throws {
        let files = ["csv-tsv-res/csvtsv01.csv", "csv-tsv-res/csvtsv02.csv", "csv-tsv-res/csvtsv03.csv",
                     "csv-tsv-res/csvtsv01.tsv", "csv-tsv-res/csvtsv02.tsv", "csv-tsv-res/csvtsv03.tsv",
                     "json-res/jsonres01.srj", "json-res/jsonres02.srj", "json-res/jsonres03.srj", "json-res/jsonres04.srj"]
        for path in files {
            let url = F.w3cFile(path)
            let format = try #require(ResultFormat(fileExtension: url.pathExtension))
            let first = try ResultParser.parse(contentsOf: url)
            let second = try F.roundTrip(first, format)
            #expect(second == first, "\(path)")
        }
    }
}
