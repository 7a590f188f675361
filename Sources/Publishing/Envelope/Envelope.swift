import Crypto
import Foundation
import RDFSyntax

/// A complete envelope as it travels: the head and exactly `length` body bytes, verbatim.
public struct Envelope: Sendable, Equatable {
    /// What a peer accepts by default: a description of up to 16 MiB with its head.
    public static let defaultMaxBytes = 16 << 20
    /// SHA-256 of nothing: the digest every retraction carries.
    public static let emptyBodyDigest = Array(SHA256.hash(data: [UInt8]()))

    public let header: EnvelopeHeader
    /// The whole envelope, head and body.
    public let bytes: [UInt8]
    /// How many of `bytes` are the head.
    public let headLength: Int

    public var head: ArraySlice<UInt8> { bytes[..<headLength] }
    public var body: ArraySlice<UInt8> { bytes[headLength...] }

    /// Parses a complete envelope and checks that the body has the length and the digest the
    /// head states. The signature is checked by `verifySignature()`.
    public init(parsing bytes: [UInt8]) throws(EnvelopeError) {
        let (header, headLength) = try EnvelopeHeader.parse(bytes)
        let bodyLength = bytes.count - headLength
        if bodyLength < header.length {
            throw EnvelopeError(.truncated, "the body has \(bodyLength) of its \(header.length) bytes")
        }
        if bodyLength > header.length {
            throw EnvelopeError(.trailingBytes, "\(bodyLength - header.length) bytes follow the \(header.length)-byte body")
        }
        guard Array(SHA256.hash(data: bytes[headLength...])) == header.digest else {
            throw EnvelopeError(.digestMismatch, "the body's SHA-256 is not the digest in the head")
        }
        self.header = header
        self.bytes = bytes
        self.headLength = headLength
    }

    /// Checks the signature against the publisher's id (its public key).
    public func verifySignature() throws(EnvelopeError) {
        guard header.hasValidSignature else {
            throw EnvelopeError(.badSignature, "the signature is not \(header.publisher)'s")
        }
    }

    /// Parses and fully checks an envelope: head, body length, digest and signature.
    public static func verified(_ bytes: [UInt8]) throws(EnvelopeError) -> Envelope {
        let envelope = try Envelope(parsing: bytes)
        try envelope.verifySignature()
        return envelope
    }

    /// Signs a body held in memory (an empty body makes a retraction). Publishing large
    /// documents signs the streamed digest through `EnvelopeHeader.sign` instead.
    public static func sign(body: [UInt8], graph: String, version: Int, issued: Date, expires: Date? = nil,
                            syntax: Syntax?, base: String? = nil, by identity: PeerIdentity) throws -> Envelope {
        let header = try EnvelopeHeader.sign(graph: graph, version: version, issued: issued, expires: expires,
                                             syntax: body.isEmpty ? nil : syntax, base: base, length: body.count,
                                             digest: Array(SHA256.hash(data: body)), by: identity)
        let head = header.bytes
        return Envelope(header: header, bytes: head + body, headLength: head.count)
    }

    private init(header: EnvelopeHeader, bytes: [UInt8], headLength: Int) {
        self.header = header
        self.bytes = bytes
        self.headLength = headLength
    }
}
