import Foundation
import Publishing
import RDF
import RDFSyntax

/// The signed, machine-readable block at the end of a hints mail: the same hints as the readable
/// list, in a Grapevine envelope signed by the hub's identity, armored as base64 lines.
///
/// ```
/// -----BEGIN GRAPEVINE HINTS-----
/// <base64 of the envelope, 64 characters a line>
/// -----END GRAPEVINE HINTS-----
/// ```
///
/// The envelope is the one descriptions travel in (graph `urn:grapevine:hints:<hub peer id>`,
/// N-Triples body, expiring with its last hint), so a subscriber checks a hub exactly as a peer
/// checks a publisher: the id in the head is the key, and the signature covers the body through
/// its digest. Nothing about the mail around the block is trusted.
public struct HintBlock: Sendable {
    public static let beginLine = HintArmor.beginLine
    public static let endLine = HintArmor.endLine

    /// The signed envelope, byte for byte.
    public let envelope: Envelope
    /// Who signed the hints.
    public let hub: PeerID
    /// When the hub signed them.
    public let issued: Date
    public let hints: [Hint]

    /// The hub's hints graph (`RedRover.hintsGraphPrefix` + the hub's peer id).
    public static func graph(of hub: PeerID) -> String { RedRover.hintsGraphPrefix + hub.description }

    /// Signs `hints` as `hub`. Times are cut to whole seconds; the envelope's version is the
    /// issue time in seconds, so later blocks of a hub number higher.
    ///
    /// Refuses (`.unsignable`) an empty list, a hint that has expired by `issued`, a resource, URL
    /// or location that is not an absolute IRI, an empty title, two hints with one URL or one
    /// location IRI, and one resource with two titles: a block that the receiving side would
    /// refuse is never signed.
    public static func sign(_ hints: [Hint], issued: Date = Date(), by hub: PeerIdentity) throws(HintBlockError) -> HintBlock {
        let issued = HintTime.wholeSeconds(issued)
        let hints = hints.map { hint in
            var hint = hint
            hint.validUntil = HintTime.wholeSeconds(hint.validUntil)
            return hint
        }
        try check(hints, issued: issued)
        let body = HintTriples.render(hints)
        let envelope: Envelope
        do {
            envelope = try Envelope.sign(body: body, graph: graph(of: hub.id), version: max(1, Int(issued.timeIntervalSince1970)),
                                         issued: issued, expires: hints.map(\.validUntil).max(), syntax: .ntriples, by: hub)
        } catch {
            throw HintBlockError(.unsignable, "cannot sign the hints: \(error)")
        }
        return HintBlock(envelope: envelope, hub: hub.id, issued: issued, hints: hints)
    }

    /// The armored text to put at the end of the mail, ending in a line end.
    public var armored: String { HintArmor.armor(envelope.bytes) }

    /// Reads and checks an envelope: intact, signed by the hub it names, that hub trusted, and
    /// holding hints in the block's format. Expired hints are kept; the caller decides.
    public init(envelope bytes: [UInt8], trusting trusted: Set<PeerID>) throws(HintBlockError) {
        let envelope: Envelope
        do {
            envelope = try Envelope(parsing: bytes)
        } catch {
            throw HintBlockError(.envelope, "the hints block is damaged: \(error)")
        }
        do {
            try envelope.verifySignature()
        } catch {
            throw HintBlockError(.signature, "the hints block's signature is not valid for hub \(envelope.header.publisher): \(error)")
        }
        let header = envelope.header
        guard trusted.contains(header.publisher) else {
            throw HintBlockError(.untrusted, "the hints block is signed by hub \(header.publisher), which is not trusted (trust it with --trust \(header.publisher))")
        }
        guard header.graph == Self.graph(of: header.publisher) else {
            throw HintBlockError(.notHints, "the envelope is for the graph <\(header.graph)>, not the hub's hints graph <\(Self.graph(of: header.publisher))>")
        }
        guard header.syntax == .ntriples else {
            throw HintBlockError(.notHints, "the envelope holds \(header.syntax?.rawValue ?? "no body (a retraction)"), not N-Triples hints")
        }
        let quads: [Quad]
        do {
            quads = try RDFParser.parseAll(.bytes(Array(envelope.body), name: "hints block"),
                                           options: ParseOptions(syntax: .ntriples, baseIRI: header.graph))
        } catch {
            throw HintBlockError(.content, "the hints block's triples do not parse: \(error)")
        }
        let hints = try HintTriples.read(quads)
        guard !hints.isEmpty else { throw HintBlockError(.content, "the hints block holds no hints") }
        self.init(envelope: envelope, hub: header.publisher, issued: header.issued, hints: hints)
    }

    /// Every block in `text` (a mail's decoded text), each checked as `init(envelope:trusting:)`
    /// does; identical copies (an original and its quotation) count once. Throws `.missing` when
    /// there is none, and the first problem of any block otherwise.
    public static func blocks(in text: String, trusting trusted: Set<PeerID>) throws(HintBlockError) -> [HintBlock] {
        var seen: Set<[UInt8]> = []
        var blocks: [HintBlock] = []
        for bytes in try HintArmor.blocks(in: text) where seen.insert(bytes).inserted {
            blocks.append(try HintBlock(envelope: bytes, trusting: trusted))
        }
        guard !blocks.isEmpty else {
            throw HintBlockError(.missing, "no \(beginLine) block in the text")
        }
        return blocks
    }

    private init(envelope: Envelope, hub: PeerID, issued: Date, hints: [Hint]) {
        self.envelope = envelope
        self.hub = hub
        self.issued = issued
        self.hints = hints
    }

    private static func check(_ hints: [Hint], issued: Date) throws(HintBlockError) {
        func refuse(_ reason: String) -> HintBlockError { HintBlockError(.unsignable, reason) }
        guard !hints.isEmpty else { throw refuse("a hints block needs at least one hint") }
        var urls: Set<String> = [], locations: Set<String> = [], titles: [String: String] = [:]
        for hint in hints {
            let iris: [(what: String, iri: String?)] = [("resource", hint.resource), ("URL", hint.url), ("location", hint.location)]
            for (what, iri) in iris {
                if let iri, !isAbsoluteIRI(iri) { throw refuse("the \(what) \(iri) is not an absolute IRI") }
            }
            guard !hint.title.isEmpty else { throw refuse("<\(hint.resource)> has an empty title") }
            guard hint.validUntil > issued else {
                throw refuse("the hint for <\(hint.url)> expired (\(HintTime.format(hint.validUntil))) before the block was issued")
            }
            guard urls.insert(hint.url).inserted else { throw refuse("two hints give the URL <\(hint.url)>") }
            if let location = hint.location, !locations.insert(location).inserted {
                throw refuse("two hints give the location <\(location)>")
            }
            if let title = titles.updateValue(hint.title, forKey: hint.resource), title != hint.title {
                throw refuse("<\(hint.resource)> has two titles, \"\(title)\" and \"\(hint.title)\"")
            }
        }
    }

    /// A scheme, a colon, something after it, and none of the characters an IRI never holds raw.
    /// (On the UTF-8 bytes: every character it looks for is ASCII, and a hub checks every hint
    /// of every mail.)
    static func isAbsoluteIRI(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon != bytes.startIndex, bytes.index(after: colon) != bytes.endIndex,
              let first = bytes.first, isASCIILetter(first),
              bytes[..<colon].allSatisfy({ isASCIILetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                  || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else { return false }
        return !bytes.contains { byte in
            switch byte {
            case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"): true
            default: false
            }
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
