import Foundation
import RDF
import RDFSyntax
import Testing

@Suite("RDFParser")
struct ParserTests {
    // MARK: Syntax detection

    @Test("the file extension names the syntax", arguments: [
        ("ttl", Syntax.turtle), ("TTL", .turtle), ("nt", .ntriples), ("nq", .nquads), ("trig", .trig),
        ("rdf", .rdfxml), ("owl", .rdfxml), ("xml", .rdfxml), ("rss", .rdfxml), ("atom", .rssTagSoup),
    ])
    func extensionDetection(ext: String, syntax: Syntax) {
        #expect(Syntax(fileExtension: ext) == syntax)
    }

    @Test func unknownExtensionsNameNothing() {
        #expect(Syntax(fileExtension: "txt") == nil)
        #expect(Syntax(fileExtension: "") == nil)
        #expect(Syntax(name: "n-triples") == .ntriples)
        #expect(Syntax(name: "klingon") == nil)
    }

    @Test("content sniffing", arguments: [
        ("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", Syntax.rdfxml),
        ("@prefix ex: <http://example.org/> .\nex:s ex:p ex:o .", .turtle),
        ("PREFIX ex: <http://example.org/>\nex:g { ex:s ex:p ex:o }", .trig),
        ("# a comment\n<http://e/s> <http://e/p> <http://e/o> .\n", .ntriples),
        ("<http://e/s> <http://e/p> \"o\" <http://e/g> .\n", .nquads),
        ("_:b <http://e/p> \"a b c\"@en .\n", .ntriples),
    ])
    func sniffing(text: String, syntax: Syntax) throws {
        #expect(Syntax.sniff(Array(text.utf8)) == syntax)
        // And the parser uses what it sniffed when neither name nor extension says.
        let directory = try TemporaryDirectory()
        let path = try directory.write("document.data", text)
        let summary = try RDFParser.parse(.file(path)) { _ in }
        #expect(summary.syntax == syntax)
    }

    @Test func unrecognisableContentIsRefused() throws {
        #expect(Syntax.sniff(Array("hello, world".utf8)) == nil)
        let directory = try TemporaryDirectory()
        let path = try directory.write("notes.data", "hello, world\n")
        let error = #expect(throws: RDFSyntaxError.self) { try RDFParser.parse(.file(path)) { _ in } }
        #expect(error?.kind == .unknownSyntax)
        #expect(error?.source == path)
    }

    @Test func anEmptyDocumentHoldsNothing() throws {
        #expect(try parse("", .turtle).isEmpty)
        #expect(try parse("", .ntriples).isEmpty)
        #expect(parseError("", nil)?.kind == .unknownSyntax)
    }

    // MARK: Errors and limits

    @Test func invalidUTF8IsReportedWithLineAndColumn() throws {
        var bytes = Array("<http://e/s> <http://e/p> \"one\" .\n".utf8)
        bytes += Array("<http://e/s> <http://e/p> \"two\" .\n<http://e/s> <http://e/p> \"three\" .\n".utf8)
        bytes += Array("# line four\n".utf8)
        bytes += Array("<http://e/s> <http://e/p> \"caf".utf8) + [0xE9] + Array("\" .\n".utf8)
        let directory = try TemporaryDirectory()
        let path = try directory.write("latin1.nt", bytes)
        let error = #expect(throws: RDFSyntaxError.self) { try RDFParser.parse(.file(path)) { _ in } }
        #expect(error?.kind == .encoding)
        #expect(error?.line == 5)
        #expect(error?.column == 31)
        #expect(error?.description.hasPrefix("\(path):5:31: invalid UTF-8 byte 0xE9") == true)
    }

    @Test func aDocumentEndingInsideACharacterIsRefused() {
        let bytes = Array("<http://e/s> <http://e/p> \"x\" . # caf".utf8) + [0xC3]
        let error = #expect(throws: RDFSyntaxError.self) {
            try RDFParser.parseAll(.bytes(bytes, name: "cut.nt"), options: ParseOptions(syntax: .ntriples))
        }
        #expect(error?.kind == .encoding)
    }

    @Test func theSizeLimitHolds() throws {
        let text = String(repeating: "<http://e/s> <http://e/p> \"o\" .\n", count: 100)
        let limit = ParseOptions(syntax: .ntriples, maxBytes: 1000)
        let error = #expect(throws: RDFSyntaxError.self) {
            try RDFParser.parseAll(.bytes(Array(text.utf8), name: "big.nt"), options: limit)
        }
        #expect(error?.kind == .tooLarge)
        let directory = try TemporaryDirectory()
        let path = try directory.write("big.nt", text)
        let fileError = #expect(throws: RDFSyntaxError.self) { try RDFParser.parseAll(.file(path), options: limit) }
        #expect(fileError?.kind == .tooLarge)
        #expect(fileError?.source == path)
        // At the limit exactly, the document is read.
        let exact = ParseOptions(syntax: .ntriples, maxBytes: text.utf8.count)
        #expect(try RDFParser.parseAll(.file(path), options: exact).count == 100)
    }

    @Test func aMissingFileIsAnIOError() {
        let error = #expect(throws: RDFSyntaxError.self) { try RDFParser.parseAll(.file("/nonexistent/catalogue.ttl")) }
        #expect(error?.kind == .io)
        #expect(error?.source == "/nonexistent/catalogue.ttl")
    }

    @Test("syntax errors name the file, line and column", arguments: [
        ("bad.ttl", "@prefix ex: <http://example.org/> .\n\nex:s ex:p \"a\\qb\" .\n", 3, 13),
        ("bad.nt", "<http://e/s> <http://e/p> <http://e/o> .\n<http://e/s> <http://e/p> <o> .\n", 2, 27),
        ("bad.trig", "PREFIX ex: <http://example.org/>\nex:g {\n  ex:s ex:p \"\\uD800\" .\n}\n", 3, 14),
        ("bad.nq", "<http://e/s> <http://e/p> \"x\"@en- <http://e/g> .\n", 1, 30),
    ])
    func errorPositions(name: String, text: String, line: Int, column: Int) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(name, text)
        let error = #expect(throws: RDFSyntaxError.self) { try RDFParser.parseAll(.file(path)) }
        #expect(error?.kind == .syntax)
        #expect(error?.source == path)
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.description.hasPrefix("\(path):\(line):\(column): ") == true)
    }

    @Test func raptorsOwnErrorsNameTheLineToo() throws {
        // A grammar error (not a lexical one) is Raptor's to find; its line survives the strict layer.
        let text = "@prefix ex: <http://example.org/> .\nex:s ex:p ex:o .\nex:s ex:p .\n"
        let error = try #require(parseError(text, .turtle, name: "raptor.ttl"))
        #expect(error.kind == .syntax)
        #expect(error.line == 3)
        #expect(error.source == "raptor.ttl")
    }

    // MARK: Blank nodes

    @Test func writtenGenidLabelsNeverMeetGeneratedOnes() throws {
        let quads = try parse("""
            @prefix ex: <http://example.org/> .
            _:genid1 ex:p "written 1" .
            _:genid2 ex:p "written 2" .
            [] ex:p "generated 1" .
            [] ex:p "generated 2" .
            _:genid1 ex:q "written 1 again" .
            """, .turtle)
        let subjects = Dictionary(grouping: quads, by: \.subject)
        #expect(subjects.count == 4)
        #expect(subjects.keys.allSatisfy { $0.isBlank })
        let written1 = quads.filter { $0.object == .literal("written 1") || $0.object == .literal("written 1 again") }
        #expect(Set(written1.map(\.subject)).count == 1)
    }

    @Test func ntriplesLabelsBeforeTheDotAreTheSameNode() throws {
        // Raptor reads `_:o.` as the label "o."; the strict layer gives it back its real label.
        let quads = try parse("<http://e/s> <http://e/p> _:o.\n<http://e/s> <http://e/q> _:o .\n", .ntriples)
        #expect(quads.map(\.object) == [.blank("o"), .blank("o")])
    }

    @Test func blankNodeGraphNamesAreTheBlankNodesOfTheDocument() throws {
        let quads = try parse("""
            PREFIX ex: <http://example.org/>
            _:g { _:g ex:p ex:o }
            GRAPH _:g { ex:s ex:p ex:o2 }
            [] { ex:s ex:p ex:o3 }
            GRAPH [] { ex:s ex:p ex:o4 }
            _:genid1 { ex:s ex:p ex:o5 }
            """, .trig)
        #expect(quads.count == 5)
        let named = quads.filter { $0.graph == quads[0].graph }
        #expect(named.count == 2)
        #expect(quads[0].subject == quads[0].graph)
        #expect(quads.allSatisfy { $0.graph?.isBlank == true })
        #expect(Set(quads.compactMap(\.graph)).count == 4)
        // No trace of the stand-in IRIs escapes.
        #expect(!quads.contains { "\($0)".contains("grapevine") })
    }
}
