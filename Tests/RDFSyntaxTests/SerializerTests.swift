import Foundation
import RDF
import RDFSyntax
import Testing

@Suite("RDFSerializer")
struct SerializerTests {
    /// A dataset with what trips serializers up: blank nodes shared between graphs, a blank graph
    /// name, lists, every kind of literal, characters that need escaping, and the default graph.
    static let sample = #"""
        PREFIX ex: <http://example.org/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        ex:s ex:title "Grapevine" ; ex:size 42 ; ex:ratio 0.5 ; ex:when "2024-05-01"^^xsd:date .
        ex:s ex:text "quote \" backslash \\ tab \t newline \n é 😀 <&>" , "bonjour"@fr , "hello"@en-GB .
        ex:s ex:list ( 1 "two" ex:three ) .
        GRAPH ex:g1 {
            ex:s ex:knows _:shared .
            _:shared ex:name "shared" ; ex:next [ ex:name "inner" ] .
        }
        GRAPH ex:g2 {
            _:shared ex:seenIn ex:g2 .
            ex:t ex:p ex:o .
        }
        _:graph {
            ex:u ex:p "in a blank-named graph" .
            _:shared ex:p _:graph .
        }
        """#

    static func sampleQuads() throws -> [Quad] { try parse(sample, .trig) }

    @Test("parse → serialize → parse gives back the same data", arguments: OutputFormat.allCases)
    func roundTrip(format: OutputFormat) throws {
        let original = try Self.sampleQuads()
        #expect(original.count == 22)
        // Formats without graphs merge them all into one.
        let expected = format.carriesGraphs
            ? original
            : original.map { Quad($0.subject, $0.predicate, $0.object) }
        // TriG wants quads grouped by graph, as the store exports them.
        let ordered = expected.sorted { ($0.graph.map { "\($0)" } ?? "") < ($1.graph.map { "\($0)" } ?? "") }
        let text = try serialize(ordered, as: format)
        let syntax = try #require(Syntax(name: format.rawValue))
        let reread = try parse(text, syntax)
        let differences = DatasetIsomorphism.differences(expected: expected, actual: reread)
        #expect(DatasetIsomorphism.areIsomorphic(expected, reread), "\(format):\n\(differences.joined(separator: "\n"))\n\(text)")
    }

    @Test func trigWritesOneBlockPerGraph() throws {
        let quads = try Self.sampleQuads()
        let grouped = quads.sorted { ($0.graph.map { "\($0)" } ?? "") < ($1.graph.map { "\($0)" } ?? "") }
        let text = try serialize(grouped, as: .trig)
        #expect(text.contains("<http://example.org/g1> {"))
        #expect(text.contains("<http://example.org/g2> {"))
        #expect(text.components(separatedBy: "{\n").count - 1 == 3)
        // Prefixes are declared once, outside the blocks.
        #expect(text.components(separatedBy: "@prefix ex:").count - 1 <= 1)
        let reread = try parse(text, .trig)
        #expect(Set(reread.compactMap(\.graph)).count == 3)
        #expect(reread.filter { $0.graph == nil }.count == quads.filter { $0.graph == nil }.count)
    }

    @Test func anEmptyDocumentSerializesToSomethingReadable() throws {
        for format in OutputFormat.allCases {
            let text = try serialize([], as: format)
            let syntax = try #require(Syntax(name: format.rawValue))
            #expect(try parse(text, syntax).isEmpty, "\(format): \(text)")
        }
    }
}
