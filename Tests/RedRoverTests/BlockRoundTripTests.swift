import Foundation
import Publishing
import RDF
import RDFSyntax
import RedRover
import Testing

@Suite("Hint block: signing and reading back")
struct BlockRoundTripTests {
    typealias F = BlockFixtures

    @Test("a signed block reads back as the same hints from the same hub")
    func roundTrip() throws {
        let block = try F.block()
        let read = try HintBlock.blocks(in: F.mailText(block.armored), trusting: [F.hub.id])
        #expect(read.count == 1)
        #expect(read[0].hub == F.hub.id)
        #expect(read[0].issued == F.issued)
        #expect(read[0].hints == F.hints)
        #expect(read[0].envelope == block.envelope)
    }

    @Test("the armor is marker lines around base64 lines of at most 64 characters")
    func armorShape() throws {
        let lines = try F.block().armored.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "-----BEGIN GRAPEVINE HINTS-----")
        #expect(lines.dropLast().last == "-----END GRAPEVINE HINTS-----")
        #expect(lines.last == "")
        let base64 = lines.dropFirst().dropLast(2)
        #expect(base64.count > 3)
        #expect(base64.dropLast().allSatisfy { $0.count == 64 })
        #expect(base64.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) } })
        let decoded = try #require(Data(base64Encoded: base64.joined()))
        #expect(decoded.starts(with: Data("grapevine-envelope/1\n".utf8)))
    }

    @Test("the envelope is the hub's, for its hints graph, and its body is N-Triples Raptor reads")
    func envelopeContent() throws {
        let block = try F.block()
        let header = block.envelope.header
        #expect(header.publisher == F.hub.id)
        #expect(header.graph == "urn:grapevine:hints:\(F.hub.id)")
        #expect(header.syntax == .ntriples)
        #expect(header.expires == F.issued.addingTimeInterval(86_400))
        let quads = try RDFParser.parseAll(.bytes(Array(block.envelope.body), name: "body"), options: ParseOptions(syntax: .ntriples))
        let maps = Term.iri("https://catalogue.example.org/r/maps")
        #expect(quads.contains(Quad(maps, .iri(RDFVocabulary.type), .iri(GV.Resource))))
        #expect(quads.contains(Quad(maps, .iri(GV.location), .iri("https://catalogue.example.org/l/maps-1"))))
        #expect(quads.contains(Quad(.iri("https://catalogue.example.org/l/maps-1"), .iri(GV.url),
                                    .iri("https://mirror.example.net/maps.pdf?x=1&y=2"))))
        #expect(quads.contains(Quad(.iri("https://catalogue.example.org/l/maps-1"), .iri(GV.validUntil),
                                    .literal("2026-09-21T15:13:20Z", datatype: XSD.dateTime))))
        #expect(quads.filter { $0.predicate == .iri(DCTerms.title) }.count == 2)
    }

    @Test("quoting, indentation, trailing spaces, CRLF and blank lines a forward adds do not matter")
    func forwardingDamage() throws {
        let block = try F.block()
        let lines = block.armored.split(separator: "\n")
        let mangled = lines.enumerated().map { index, line in
            (index % 2 == 0 ? "> " : ">>  ") + line + (index % 3 == 0 ? "  \t" : "") + "\r\n" + (index == 4 ? "> \r\n" : "")
        }.joined()
        let read = try HintBlock.blocks(in: "Ann wrote:\r\n" + mangled + "> \r\n-- \r\nBob\r\n", trusting: [F.hub.id])
        #expect(read.map(\.hints) == [F.hints])
    }

    @Test("an original and its quotation count once; two different blocks are both read")
    func severalBlocks() throws {
        let first = try F.block().armored
        let second = try F.block([F.hints[1]], by: F.otherHub).armored
        let text = first + "\n" + first.split(separator: "\n").map { "> " + $0 }.joined(separator: "\n") + "\n" + second
        let read = try HintBlock.blocks(in: text, trusting: [F.hub.id, F.otherHub.id])
        #expect(read.map(\.hub) == [F.hub.id, F.otherHub.id])
        #expect(read[1].hints == [F.hints[1]])
    }

    @Test("times are whole seconds; a time with an offset or fraction is read as the instant it names")
    func times() throws {
        let hint = Hint(resource: "urn:x:r", title: "T", url: "https://x.example/a",
                        validUntil: F.issued.addingTimeInterval(60.75))
        let block = try F.block([hint])
        #expect(block.hints[0].validUntil == F.issued.addingTimeInterval(60))
        let body = """
            <urn:x:r> <\(DCTerms.title)> "T" .
            <urn:x:r> <\(GV.location)> _:a .
            _:a <\(GV.url)> <https://x.example/a> .
            _:a <\(GV.validUntil)> "2026-09-21T15:13:20.5+01:00"^^<\(XSD.dateTime)> .

            """
        let envelope = try Envelope.sign(body: Array(body.utf8), graph: HintBlock.graph(of: F.hub.id), version: 1,
                                         issued: F.issued, syntax: .ntriples, by: F.hub)
        let read = try HintBlock(envelope: envelope.bytes, trusting: [F.hub.id])
        #expect(read.hints[0].validUntil == Date(timeIntervalSince1970: 1_790_000_000.5))
        #expect(read.hints[0].location == nil)
    }
}
