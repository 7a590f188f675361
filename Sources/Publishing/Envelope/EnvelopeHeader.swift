import Foundation
import RDFSyntax

/// The head of a signed envelope: who publishes which graph, in which version, until when, and
/// the digest of the body the head vouches for.
///
/// The wire form is strict and canonical (fixed line order, one spelling per value), so the
/// signed bytes are the rendered fields: a parsed head renders back to exactly the bytes it came
/// from, and a peer passes on what was signed without keeping a second copy.
///
/// ```
/// grapevine-envelope/1
/// publisher: <peer id>
/// graph: <absolute IRI>
/// version: <decimal ≥ 1>
/// issued: 2026-11-26T19:00:00Z
/// expires: 2026-12-26T19:00:00Z     (optional)
/// syntax: turtle                    (present iff length > 0)
/// base: <IRI>                       (optional: when relative references resolve elsewhere than the graph)
/// length: <body bytes>
/// digest: sha256:<64 hex>
/// signature: <base64 of 64 bytes>
///
/// <body>
/// ```
///
/// The signature covers every byte before `signature: `; the body is covered through its
/// digest, which is what lets a large document be hashed as it streams and signed afterwards.
public struct EnvelopeHeader: Sendable, Equatable {
    public static let formatLine = "grapevine-envelope/1"
    /// The head (everything before the body) is at most this long.
    public static let maxHeadBytes = 16 * 1024
    /// Versions and lengths stay within 2^53 − 1, so they survive any JSON number on the way.
    public static let maxNumber = (1 << 53) - 1
    /// `signature: ` + 88 base64 characters + the line end and the blank line.
    static let signatureLineLength = 11 + 88 + 2

    public var publisher: PeerID
    public var graph: String
    public var version: Int
    public var issued: Date
    public var expires: Date?
    /// The body's syntax; nil exactly when the body is empty (a retraction).
    public var syntax: Syntax?
    /// The base IRI for the body's relative references, when it is not `graph`.
    public var base: String?
    public var length: Int
    /// SHA-256 of the body (32 bytes).
    public var digest: [UInt8]
    /// Ed25519 signature (64 bytes) by `publisher` of `signedBytes`.
    public var signature: [UInt8]

    /// A retraction: an envelope whose body is empty.
    public var isRetraction: Bool { length == 0 }

    /// The base IRI the body's relative references resolve against.
    public var effectiveBase: String { base ?? graph }

    public var digestText: String { "sha256:" + Hex.encode(digest) }

    /// The bytes the signature covers: every line before `signature: `.
    public var signedBytes: [UInt8] {
        var lines = [Self.formatLine, "publisher: \(publisher)", "graph: \(graph)", "version: \(version)",
                     "issued: \(UTCTimestamp.format(issued))"]
        if let expires { lines.append("expires: \(UTCTimestamp.format(expires))") }
        if let syntax { lines.append("syntax: \(syntax.rawValue)") }
        if let base { lines.append("base: \(base)") }
        lines += ["length: \(length)", "digest: \(digestText)"]
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The head as it travels: the signed bytes, the signature line and the blank line.
    public var bytes: [UInt8] {
        signedBytes + Array("signature: \(Data(signature).base64EncodedString())\n\n".utf8)
    }

    /// Whether `signature` is the publisher's signature of this head.
    public var hasValidSignature: Bool { publisher.verify(signature: signature, of: signedBytes) }

    /// Builds and signs a head. The fields are checked as a parse would check them, so a head
    /// that could not be read back is never signed.
    public static func sign(graph: String, version: Int, issued: Date, expires: Date? = nil,
                            syntax: Syntax?, base: String? = nil, length: Int, digest: [UInt8],
                            by identity: PeerIdentity) throws -> EnvelopeHeader {
        var header = EnvelopeHeader(publisher: identity.id, graph: graph, version: version,
                                    issued: UTCTimestamp.wholeSeconds(issued), expires: expires.map(UTCTimestamp.wholeSeconds),
                                    syntax: syntax, base: base == graph ? nil : base, length: length,
                                    digest: digest, signature: [])
        if let problem = header.problem { throw EnvelopeError(.malformed, problem) }
        header.signature = try identity.sign(header.signedBytes)
        return header
    }

    /// What is wrong with fields that each look right on their own, if anything.
    var problem: String? {
        if !IRIText.isAbsolute(graph) { return "graph is not an absolute IRI: \(graph)" }
        if let base, !IRIText.isAbsolute(base) { return "base is not an absolute IRI: \(base)" }
        if !(1...Self.maxNumber).contains(version) { return "version \(version) is not between 1 and \(Self.maxNumber)" }
        if !(0...Self.maxNumber).contains(length) { return "length \(length) is out of range" }
        if (syntax == nil) != (length == 0) {
            return length == 0 ? "a retraction (length 0) has no syntax" : "a body needs a syntax line"
        }
        if let expires, expires <= issued { return "expires is not after issued" }
        if digest.count != 32 { return "digest is not a SHA-256" }
        if signedBytes.count + Self.signatureLineLength > Self.maxHeadBytes { return "the head would be over \(Self.maxHeadBytes) bytes" }
        return nil
    }
}
