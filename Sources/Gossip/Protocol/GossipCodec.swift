import Publishing

/// The binary encoding of the gossip messages, shared by the HTTP transport and the simulation
/// (which encodes every message, so its byte counts are what a real network would carry).
///
/// Layout: `G` `V`, format version, message kind, then the fields in declaration order. Integers
/// are unsigned LEB128 varints; peer ids are their 32 raw key bytes; byte strings and UTF-8 text
/// are length-prefixed; lists are count-prefixed. Digest entries are sorted by publisher so one
/// message has one encoding. Decoding never traps and never allocates ahead of the bytes it has
/// actually seen (see `ByteReader`); every failure names the byte offset where it was noticed.
public enum GossipCodec {
    public static let formatVersion: UInt8 = 1

    /// The encoder keeps push answers within these, so a refusal long enough to break the
    /// partner's limits can never make an honest answer look like garbage.
    static let reasonCountCap = 64
    static let reasonByteCap = 512

    static let magic: [UInt8] = [UInt8(ascii: "G"), UInt8(ascii: "V")]
    static let peerRecordMinimumBytes = 33
    static let digestEntryMinimumBytes = 33

    enum Kind: UInt8 {
        case exchangeRequest = 1, exchangeResponse, pushRequest, acceptReport

        var name: String {
            switch self {
            case .exchangeRequest: "an exchange request"
            case .exchangeResponse: "an exchange response"
            case .pushRequest: "a push request"
            case .acceptReport: "a push answer"
            }
        }
    }

    // MARK: Encoding

    public static func encode(_ request: ExchangeRequest) -> [UInt8] {
        var writer = header(.exchangeRequest)
        write(request.sender, to: &writer)
        write(request.digest, to: &writer)
        write(request.peers, to: &writer)
        return writer.bytes
    }

    public static func encode(_ response: ExchangeResponse) -> [UInt8] {
        var writer = header(.exchangeResponse, capacity: response.envelopes.reduce(256) { $0 + $1.bytes.count + 5 })
        write(response.responder, to: &writer)
        write(response.digest, to: &writer)
        write(response.envelopes, to: &writer)
        write(response.peers, to: &writer)
        return writer.bytes
    }

    public static func encode(_ request: PushRequest) -> [UInt8] {
        var writer = header(.pushRequest, capacity: request.envelopes.reduce(128) { $0 + $1.bytes.count + 5 })
        write(request.sender, to: &writer)
        write(request.envelopes, to: &writer)
        return writer.bytes
    }

    public static func encode(_ report: AcceptReport) -> [UInt8] {
        var writer = header(.acceptReport)
        writer.count(max(report.accepted, 0))
        writer.count(max(report.ignored, 0))
        var reasons = Array(report.invalid.prefix(reasonCountCap))
        if report.invalid.count > reasonCountCap {
            reasons[reasonCountCap - 1] = "… and \(report.invalid.count - reasonCountCap + 1) more"
        }
        writer.count(reasons.count)
        for reason in reasons {
            writer.string(truncated(reason, toBytes: reasonByteCap))
        }
        return writer.bytes
    }

    /// What a digest adds to a message, for measuring digest traffic on its own.
    public static func encodedSize(of digest: Digest) -> Int {
        digest.versions.values.reduce(ByteWriter.varintSize(UInt64(digest.versions.count))) {
            $0 + 32 + ByteWriter.varintSize($1)
        }
    }

    private static func header(_ kind: Kind, capacity: Int = 256) -> ByteWriter {
        var writer = ByteWriter(capacity: capacity)
        for byte in magic { writer.byte(byte) }
        writer.byte(formatVersion)
        writer.byte(kind.rawValue)
        return writer
    }

    private static func write(_ peer: PeerRecord, to writer: inout ByteWriter) {
        writer.key(peer.id)
        writer.string(peer.address)
    }

    private static func write(_ peers: [PeerRecord], to writer: inout ByteWriter) {
        writer.count(peers.count)
        for peer in peers { write(peer, to: &writer) }
    }

    private static func write(_ digest: Digest, to writer: inout ByteWriter) {
        writer.count(digest.versions.count)
        for (publisher, version) in digest.versions.sorted(by: { $0.key < $1.key }) {
            writer.key(publisher)
            writer.varint(version)
        }
    }

    private static func write(_ envelopes: [EnvelopeData], to writer: inout ByteWriter) {
        writer.count(envelopes.count)
        for envelope in envelopes { writer.lengthPrefixed(envelope.bytes) }
    }

    /// Cuts text to at most `limit` UTF-8 bytes without splitting a character.
    private static func truncated(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > limit - 3 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }
}
