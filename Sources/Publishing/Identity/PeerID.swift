/// A peer's (and a publisher's) id: its Ed25519 public key in lowercase base32 (RFC 4648, no
/// padding), 52 characters.
///
/// The id *is* the key, so an envelope or a gossip message that names its publisher also carries
/// what its signature is checked against: no key directory, no lookup, nothing to trust first.
public struct PeerID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The raw 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    public init?(publicKey: [UInt8]) {
        guard publicKey.count == 32 else { return nil }
        self.publicKey = publicKey
    }

    /// Parses the 52-character text form; nil for anything else.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 52, let bytes = Base32.decode(text), bytes.count == 32 else { return nil }
        publicKey = bytes
    }

    public var description: String { Base32.encode(publicKey) }

    /// The IRI that stands for all of this publisher's graphs in a query's `FROM`/`FROM NAMED`.
    public var publisherIRI: String { Self.publisherIRIPrefix + description }
    public static let publisherIRIPrefix = "urn:grapevine:publisher:"

    public static func < (lhs: PeerID, rhs: PeerID) -> Bool { lhs.publicKey.lexicographicallyPrecedes(rhs.publicKey) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = PeerID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a peer id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// RFC 4648 base32, lowercase, without padding: case-insensitive on input, safe in file names,
/// URLs and mail headers.
enum Base32 {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: output, as: UTF8.self)
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text.utf8 {
            let value: Int
            switch character {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = Int(character - UInt8(ascii: "a"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = Int(character - UInt8(ascii: "A"))
            case UInt8(ascii: "2")...UInt8(ascii: "7"): value = Int(character - UInt8(ascii: "2")) + 26
            default: return nil
            }
            buffer = ((buffer << 5) | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        // Leftover bits must be zero padding, or two spellings would name one key.
        guard bits < 5, buffer & ((1 << bits) - 1) == 0 else { return nil }
        return output
    }
}
