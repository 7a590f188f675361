import Foundation
import Publishing
import RDFSyntax
import Testing

@Suite("Signed envelopes")
struct EnvelopeTests {
    static let alice = try! PeerIdentity(seed: [UInt8](repeating: 1, count: 32))
    static let bob = try! PeerIdentity(seed: [UInt8](repeating: 2, count: 32))
    static let issued = Date(timeIntervalSince1970: 1_795_719_600) // 2026-11-26T19:00:00Z
    static let body = Array("<https://example.org/r> <http://purl.org/dc/terms/title> \"R\" .\n".utf8)

    static func envelope(body: [UInt8] = body, expires: Date? = issued.addingTimeInterval(86_400),
                         base: String? = nil, by identity: PeerIdentity = alice) throws -> Envelope {
        try Envelope.sign(body: body, graph: "https://example.org/catalogue", version: 3, issued: issued,
                          expires: expires, syntax: .ntriples, base: base, by: identity)
    }

    /// The head's lines, to edit one and put them back together.
    static func lines(_ envelope: Envelope) -> [String] {
        String(decoding: envelope.head, as: UTF8.self).components(separatedBy: "\n")
    }

    static func assemble(_ lines: [String], body: [UInt8] = body) -> [UInt8] {
        Array(lines.joined(separator: "\n").utf8) + body
    }

    func refusal(_ bytes: [UInt8]) -> EnvelopeError? {
        do {
            _ = try Envelope.verified(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("the wire form is the documented lines, in order, and parses back to the same envelope")
    func roundTrip() throws {
        let envelope = try Self.envelope()
        let text = String(decoding: envelope.head, as: UTF8.self)
        #expect(text == """
            grapevine-envelope/1
            publisher: \(Self.alice.id)
            graph: https://example.org/catalogue
            version: 3
            issued: 2026-11-26T19:00:00Z
            expires: 2026-11-27T19:00:00Z
            syntax: ntriples
            length: \(Self.body.count)
            digest: sha256:\(envelope.header.digestText.dropFirst(7))
            signature: \(Data(envelope.header.signature).base64EncodedString())


            """)
        let parsed = try Envelope.verified(envelope.bytes)
        #expect(parsed == envelope)
        #expect(Array(parsed.body) == Self.body)
        #expect(parsed.header.publisher == Self.alice.id)
        #expect(parsed.header.version == 3 && parsed.header.syntax == .ntriples && !parsed.header.isRetraction)
        let (header, headLength) = try EnvelopeHeader.parse(envelope.bytes)
        #expect(header == envelope.header && headLength == envelope.headLength)
        #expect(header.signedBytes == Array(envelope.bytes.prefix(text.utf8.count - 101)))
    }

    @Test("a retraction has an empty body and no syntax line; a base line appears only when it differs from the graph")
    func retractionAndBase() throws {
        let retraction = try Self.envelope(body: [])
        #expect(retraction.header.isRetraction && retraction.header.syntax == nil)
        #expect(!Self.lines(retraction).contains { $0.hasPrefix("syntax:") })
        #expect(try Envelope.verified(retraction.bytes).body.isEmpty)
        let based = try Self.envelope(base: "file:///srv/catalogue.nt")
        #expect(Self.lines(based).contains("base: file:///srv/catalogue.nt"))
        #expect(try Envelope.verified(based.bytes).header.effectiveBase == "file:///srv/catalogue.nt")
        let same = try Self.envelope(base: "https://example.org/catalogue")
        #expect(!Self.lines(same).contains { $0.hasPrefix("base:") })
    }

    @Test("changing any single byte of an envelope is refused")
    func everyByteMatters() throws {
        let envelope = try Self.envelope()
        for position in envelope.bytes.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80] {
                var bytes = envelope.bytes
                bytes[position] ^= mask
                #expect(refusal(bytes) != nil, "byte \(position) ^ \(mask) was accepted")
            }
        }
    }

    @Test("a truncated envelope, or one with bytes after the body, is refused")
    func truncation() throws {
        let envelope = try Self.envelope()
        for length in 0..<envelope.bytes.count {
            let error = refusal(Array(envelope.bytes.prefix(length)))
            #expect(error?.kind == .truncated, "prefix of \(length) bytes: \(String(describing: error))")
        }
        #expect(refusal(envelope.bytes + [0x0A])?.kind == .trailingBytes)
    }

    @Test("a signature by another key is refused")
    func wrongKey() throws {
        let byAlice = try Self.envelope()
        var forged = byAlice.header
        forged.publisher = Self.bob.id
        let error = refusal(forged.bytes + Self.body)
        #expect(error?.kind == .badSignature)
        #expect(error?.description.contains(Self.bob.id.description) == true)
        // Bob's own signature over Alice's graph is fine as an envelope (ownership is the store's business).
        #expect(refusal(try Self.envelope(by: Self.bob).bytes) == nil)
    }

    @Test("the body must have the digest the head states")
    func digestMismatch() throws {
        let envelope = try Self.envelope()
        var body = Self.body
        body[3] = UInt8(ascii: "X")
        #expect(refusal(Array(envelope.head) + body)?.kind == .digestMismatch)
    }

    @Test("strict lines: order, unknown fields, repeats, spaces and spellings are refused by line", arguments: [
        // (line index to edit, replacement (nil removes it), expected message)
        (3, "version:  3", "line 4: version is not a number"),
        (3, "version: 03", "line 4: version is not a number"),
        (3, "version: 0", "line 4: version must be at least 1"),
        (3, "color: red", "line 4: unknown field 'color'"),
        (3, "version 3", "line 4: expected 'name: value'"),
        (3, nil, "line 4: 'version' is missing (it comes before 'issued')"),
        (4, "issued: 2026-11-26T19:00:00.5Z", "line 5: issued is not a UTC time"),
        (4, "issued: 2026-02-30T19:00:00Z", "line 5: issued is not a UTC time"),
        (5, "expires: 2026-11-25T19:00:00Z", "line 6: expires is not after issued"),
        (6, "syntax: klingon", "line 7: syntax is not one of"),
        (2, "graph: not an iri", "line 3: graph is not an absolute IRI"),
        (2, "graph: relative/path", "line 3: graph is not an absolute IRI"),
        (1, "Publisher: x", "line 2: unknown field 'Publisher'"),
        (8, "digest: sha256:ABC", "line 9: digest is not 'sha256:' and 64 lowercase hex digits"),
        (0, "grapevine-envelope/2", "line 1: not a Grapevine envelope"),
    ] as [(Int, String?, String)])
    func strictLines(index: Int, replacement: String?, message: String) throws {
        var lines = Self.lines(try Self.envelope())
        if let replacement { lines[index] = replacement } else { lines.remove(at: index) }
        let error = try #require(refusal(Self.assemble(lines)))
        #expect(error.kind == .malformed)
        #expect(error.description.hasPrefix("envelope: " + message), "\(error)")
    }

    @Test("lines out of order or repeated are refused")
    func order() throws {
        var lines = Self.lines(try Self.envelope())
        lines.swapAt(2, 3)
        #expect(refusal(Self.assemble(lines))?.description == "envelope: line 3: 'graph' is missing (it comes before 'version')")
        lines = Self.lines(try Self.envelope())
        lines.insert(lines[3], at: 4)
        #expect(refusal(Self.assemble(lines))?.description == "envelope: line 5: 'version' is repeated or out of order")
        lines = Self.lines(try Self.envelope())
        lines[1] = lines[1].uppercased().replacingOccurrences(of: "PUBLISHER", with: "publisher")
        #expect(refusal(Self.assemble(lines))?.description.hasPrefix("envelope: line 2: publisher is not a peer id") == true)
        // A carriage return is a control character, not part of a line ending.
        lines = Self.lines(try Self.envelope())
        lines[3] += "\r"
        #expect(refusal(Self.assemble(lines))?.description.hasPrefix("envelope: line 4: control character") == true)
    }

    @Test("a retraction with a syntax, or a body without one, is refused")
    func syntaxIffBody() throws {
        var lines = Self.lines(try Self.envelope(body: []))
        lines.insert("syntax: turtle", at: 6)
        #expect(refusal(Self.assemble(lines, body: []))?.description == "envelope: line 7: a retraction (length 0) has no syntax")
        lines = Self.lines(try Self.envelope())
        lines.remove(at: 6)
        #expect(refusal(Self.assemble(lines))?.description == "envelope: line 7: a body needs a syntax line")
    }

    @Test("a head over 16 KiB is neither signed nor read")
    func headLimit() throws {
        let long = "https://example.org/" + String(repeating: "x", count: 17_000)
        #expect(throws: EnvelopeError.self) {
            try Envelope.sign(body: Self.body, graph: long, version: 1, issued: Self.issued, syntax: .ntriples, by: Self.alice)
        }
        var lines = Self.lines(try Self.envelope())
        lines[2] = "graph: " + long
        #expect(refusal(Self.assemble(lines))?.kind == .tooLarge)
    }
}
