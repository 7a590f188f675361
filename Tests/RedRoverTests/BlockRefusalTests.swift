import Foundation
import Publishing
import RDF
import RDFSyntax
import RedRover
import Testing

@Suite("Hint block: what is refused")
struct BlockRefusalTests {
    typealias F = BlockFixtures
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// Reads `text` and returns the error, failing the test if it was accepted.
    func refusal(_ text: String, trusting: Set<PeerID> = [F.hub.id], sourceLocation: SourceLocation = #_sourceLocation) -> HintBlockError? {
        do {
            let blocks = try HintBlock.blocks(in: text, trusting: trusting)
            Issue.record("accepted \(blocks.count) block(s)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("every single changed character of the base64 is refused, with a message saying the block is damaged")
    func everyCharacter() throws {
        let armored = try F.block().armored
        var lines = armored.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var tried = 0
        var kinds: [HintBlockError.Kind: Int] = [:]
        for lineIndex in 1..<(lines.count - 2) {
            for column in lines[lineIndex].indices {
                let original = lines[lineIndex][column]
                // Another base64 character, stepping through every distance in turn, so each
                // position is changed into a character that still decodes.
                let position = Self.alphabet.firstIndex(of: original) ?? 0
                let replacement = original == "=" ? "A" : Self.alphabet[(position + 1 + tried % 63) % 64]
                lines[lineIndex][column] = replacement
                let text = lines.map { String($0) }.joined(separator: "\n")
                lines[lineIndex][column] = original
                tried += 1
                guard let error = refusal(text) else { continue }
                kinds[error.kind, default: 0] += 1
                #expect([.armor, .envelope, .signature].contains(error.kind), "\(error)")
                #expect(error.description.hasPrefix("the hints block"), "\(error)")
            }
        }
        #expect(tried > 600)
        #expect(kinds.values.reduce(0, +) == tried)
        // Both the head (signature) and the body (digest) were hit.
        #expect(kinds[.signature, default: 0] + kinds[.envelope, default: 0] > tried / 2)
    }

    @Test("a stray character, a dropped one or misplaced padding names the base64 line and character")
    func armorDamage() throws {
        let armored = try F.block().armored
        var lines = armored.split(separator: "\n").map(String.init)
        lines[2] = String(lines[2].prefix(10)) + "*" + lines[2].dropFirst(11)
        let stray = try #require(refusal(lines.joined(separator: "\n")))
        #expect(stray.kind == .armor)
        #expect(stray.description == "the hints block is damaged: base64 line 2, character 11: '*' is not a base64 character")

        lines = armored.split(separator: "\n").map(String.init)
        lines[3].removeLast()
        let dropped = try #require(refusal(lines.joined(separator: "\n")))
        #expect(dropped.kind == .armor)
        #expect(dropped.description.contains("not a multiple of 4"))

        lines = armored.split(separator: "\n").map(String.init)
        lines[1] = "=" + lines[1].dropFirst()
        #expect(refusal(lines.joined(separator: "\n"))?.description.contains("'=' (padding) before the end") == true)
    }

    @Test("base64 is strict: spare bits in the last character are refused, not ignored")
    func spareBits() throws {
        // Find a block whose encoding ends in padding, then set the spare bits.
        var hints = F.hints
        var armored = try F.block(hints).armored
        while !armored.contains("=\n-----END") {
            hints[0].title += "x"
            armored = try F.block(hints).armored
        }
        var lines = armored.split(separator: "\n").map { Array($0) }
        let last = lines.count - 2
        let before = lines[last].lastIndex { $0 != "=" }!
        let position = Self.alphabet.firstIndex(of: lines[last][before])!
        lines[last][before] = Self.alphabet[position | 1]
        let text = lines.map { String($0) }.joined(separator: "\n")
        // A lenient decoder reads the same bytes…
        #expect(Data(base64Encoded: text.split(separator: "\n").dropFirst().dropLast().joined()) != nil)
        // …strict decoding does not.
        let error = try #require(refusal(text))
        #expect(error.kind == .armor)
        #expect(error.description.contains("sets bits that base64 leaves zero"))
    }

    @Test("a block whose head names another hub than the one that signed it fails the signature check")
    func wrongKey() throws {
        let signed = try F.block().envelope.bytes
        var text = String(decoding: signed, as: UTF8.self)
        text = text.replacingOccurrences(of: F.hub.id.description, with: F.otherHub.id.description)
        let error = try #require(refusal(HintBlock.beginLine + "\n" + Data(text.utf8).base64EncodedString(options: .lineLength64Characters)
                                         + "\n" + HintBlock.endLine, trusting: [F.hub.id, F.otherHub.id]))
        #expect(error.kind == .signature)
        #expect(error.description.contains("not valid for hub \(F.otherHub.id)"))
    }

    @Test("a correctly signed block from a hub that is not trusted is refused, saying how to trust it")
    func untrusted() throws {
        let text = try F.block(by: F.otherHub).armored
        let error = try #require(refusal(text, trusting: [F.hub.id]))
        #expect(error.kind == .untrusted)
        #expect(error.description.contains("signed by hub \(F.otherHub.id), which is not trusted"))
        #expect(error.description.contains("--trust \(F.otherHub.id)"))
        #expect(refusal(text, trusting: [])?.kind == .untrusted)
    }

    @Test("a hub's envelope for another graph or in another syntax is not a hints block")
    func notHints() throws {
        let body = Array("<urn:a> <urn:b> <urn:c> .\n".utf8)
        let otherGraph = try Envelope.sign(body: body, graph: "https://example.org/catalogue", version: 1, issued: F.issued,
                                           syntax: .ntriples, by: F.hub)
        #expect(refusal(HintArmorText.armor(otherGraph.bytes))?.kind == .notHints)
        let turtle = try Envelope.sign(body: body, graph: HintBlock.graph(of: F.hub.id), version: 1, issued: F.issued,
                                       syntax: .turtle, by: F.hub)
        #expect(refusal(HintArmorText.armor(turtle.bytes))?.description.contains("not N-Triples") == true)
    }

    @Test("signed triples that are not hints in the format are refused, naming what is wrong")
    func badContent() throws {
        func refusal(body: String) throws -> HintBlockError? {
            let envelope = try Envelope.sign(body: Array(body.utf8), graph: HintBlock.graph(of: F.hub.id), version: 1,
                                             issued: F.issued, syntax: .ntriples, by: F.hub)
            return self.refusal(HintArmorText.armor(envelope.bytes))
        }
        let title = "<urn:x:r> <\(DCTerms.title)> \"T\" .\n"
        let location = "<urn:x:r> <\(GV.location)> _:l .\n"
        let url = "_:l <\(GV.url)> <https://x.example/a> .\n"
        let until = "_:l <\(GV.validUntil)> \"2026-09-21T15:13:20Z\"^^<\(XSD.dateTime)> .\n"
        #expect(try refusal(body: title + location + until)?.description.contains("has 0 URLs, not one") == true)
        #expect(try refusal(body: location + url + until)?.description.contains("0 titles") == true)
        #expect(try refusal(body: title + location + url)?.description.contains("0 expiry times") == true)
        #expect(try refusal(body: title + location + url + "_:l <\(GV.validUntil)> \"2026-09-21T15:13:20\"^^<\(XSD.dateTime)> .\n")?
            .description.contains("zoned xsd:dateTime") == true)
        #expect(try refusal(body: title + location + url + until + "<urn:x:r> <urn:x:secret> \"x\" .\n")?
            .description.contains("unknown predicate") == true)
        #expect(try refusal(body: title + location + "_:l <\(GV.url)> \"https://x.example/a\" .\n" + until)?
            .description.contains("a URL must be an IRI") == true)
        #expect(try refusal(body: "<urn:x:r> <\(GV.location)> _:l .\n" + "<urn:x:r> <\(GV.location)> _:m .\n" + title + url + until
                            + "_:m <\(GV.url)> <https://x.example/a> .\n_:m <\(GV.validUntil)> \"2026-09-21T15:13:20Z\"^^<\(XSD.dateTime)> .\n")?
            .description.contains("gives the URL <https://x.example/a> twice") == true)
        #expect(try refusal(body: "<urn:x:r> <urn:x:p> .\n")?.kind == .content)
    }

    @Test("text without a block, or a block without its END line, is refused")
    func missingOrCut() throws {
        #expect(refusal("Hello, no hints today.\n")?.kind == .missing)
        let armored = try F.block().armored
        let cut = armored.split(separator: "\n").dropLast().joined(separator: "\n")
        let error = refusal(cut)
        #expect(error?.kind == .armor)
        #expect(error?.description.contains("no -----END GRAPEVINE HINTS----- line") == true)
    }

    @Test("the hub is refused a block it could not have read back")
    func unsignable() {
        func reason(_ hints: [Hint]) -> String? {
            do {
                _ = try F.block(hints)
                return nil
            } catch let error as HintBlockError {
                #expect(error.kind == .unsignable)
                return error.description
            } catch {
                Issue.record("unexpected \(error)")
                return nil
            }
        }
        var expired = F.hints[0]
        expired.validUntil = F.issued
        #expect(reason([]) == "a hints block needs at least one hint")
        #expect(reason([expired])?.contains("expired") == true)
        #expect(reason([F.hints[0], F.hints[0]]) == "two hints give the URL <https://peer-17.example.org/r/delta.ogg>")
        var relative = F.hints[0]
        relative.url = "/r/delta.ogg"
        #expect(reason([relative]) == "the URL /r/delta.ogg is not an absolute IRI")
        var spaced = F.hints[0]
        spaced.resource = "https://x.example/a b"
        #expect(reason([spaced])?.contains("not an absolute IRI") == true)
        var retitled = F.hints[2]
        retitled.title = "Another title"
        #expect(reason([F.hints[0], retitled])?.contains("has two titles") == true)
    }
}

/// Armors raw envelope bytes the way the block does, for envelopes the tests sign themselves.
enum HintArmorText {
    static func armor(_ bytes: [UInt8]) -> String {
        HintBlock.beginLine + "\n" + Data(bytes).base64EncodedString(options: .lineLength64Characters) + "\n" + HintBlock.endLine + "\n"
    }
}
