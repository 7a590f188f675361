import RDF
import Testing
@testable import SPARQL

@Suite("Results: formats and content negotiation")
struct ResultsNegotiationTests {
    @Test func mediaTypes() {
        #expect(ResultFormat.json.mediaType == "application/sparql-results+json")
        #expect(ResultFormat.xml.mediaType == "application/sparql-results+xml")
        #expect(ResultFormat.csv.mediaType == "text/csv")
        #expect(ResultFormat.tsv.mediaType == "text/tab-separated-values")
        #expect(ResultFormat.turtle.mediaType == "text/turtle")
        #expect(ResultFormat.ntriples.mediaType == "application/n-triples")
        #expect(ResultFormat.csv.contentType == "text/csv; charset=utf-8")
        #expect(ResultFormat.json.contentType == "application/sparql-results+json")
    }

    @Test func supportMatrix() {
        #expect(ResultFormat.json.supports(.solutions) && ResultFormat.json.supports(.boolean) && !ResultFormat.json.supports(.graph))
        #expect(ResultFormat.turtle.supports(.graph) && !ResultFormat.turtle.supports(.solutions))
        #expect(ResultKind.allCases.allSatisfy(ResultFormat.table.supports))
        for kind in ResultKind.allCases {
            #expect(ResultFormat.offered(for: kind).allSatisfy { $0.supports(kind) })
        }
    }

    @Test func acceptHeaderParsing() {
        let header = AcceptHeader(" text/CSV ; q=0.5 ,application/*;q=0.2, */*;q=0.1, bogus, text/plain;charset=utf-8;q=2, */json ")
        #expect(header.ranges.count == 4)
        #expect(header.ranges[0] == AcceptHeader.MediaRange(type: "text", subtype: "csv", quality: 0.5))
        #expect(header.ranges[3].quality == 1 && header.ranges[3].parameters == ["charset": "utf-8"])
        #expect(header.quality(of: "text/csv") == 0.5)
        #expect(header.quality(of: "application/sparql-results+json") == 0.2)
        #expect(header.quality(of: "image/png") == 0.1)
        #expect(AcceptHeader("text/csv").quality(of: "text/tab-separated-values") == 0)
    }

    @Test func negotiation() {
        func pick(_ accept: String?, _ kind: ResultKind = .solutions) -> ResultFormat? {
            ResultFormat.negotiate(accept: accept, for: kind)
        }
        #expect(pick(nil) == .json)
        #expect(pick("") == .json)
        #expect(pick("*/*") == .json)
        #expect(pick("application/sparql-results+xml") == .xml)
        #expect(pick("text/csv;q=0.5, application/sparql-results+xml") == .xml)
        #expect(pick("text/csv, application/sparql-results+xml;q=0.9") == .csv)
        #expect(pick("text/tab-separated-values") == .tsv)
        #expect(pick("application/json") == .json)
        #expect(pick("text/xml") == .xml)
        #expect(pick("text/*") == .csv, "the server's order decides among equals")
        #expect(pick("text/plain") == .table)
        // The most specific range sets a type's quality, whatever the wildcards say.
        #expect(pick("application/sparql-results+json;q=0, */*") == .xml)
        #expect(pick("application/sparql-results+json;q=0.9, */*") == .xml)
        #expect(pick("application/sparql-results+json, */*;q=0.1") == .json)
        // Nothing acceptable: a server answers 406.
        #expect(pick("image/png") == nil)
        #expect(pick("application/sparql-results+json;q=0") == nil)
        // Graphs.
        #expect(pick(nil, .graph) == .turtle)
        #expect(pick("application/rdf+xml, text/turtle;q=0.8", .graph) == .rdfxml)
        #expect(pick("text/plain", .graph) == .ntriples)
        #expect(pick("application/n-triples", .graph) == .ntriples)
        #expect(pick("application/sparql-results+json", .graph) == nil)
        #expect(pick("application/xml", .graph) == .rdfxml)
        // Booleans.
        #expect(pick("application/sparql-results+xml", .boolean) == .xml)
        #expect(pick("text/turtle", .boolean) == nil)
        // A caller may restrict what it offers.
        #expect(ResultFormat.negotiate(accept: "text/csv", for: .solutions, offering: [.json, .xml]) == nil)
        #expect(ResultFormat.negotiate(accept: "*/*", for: .solutions, offering: [.tsv, .json]) == .tsv)
    }
}
