import Publishing

/// A synthetic envelope for the simulation: publisher, version, graph, issue time and filler
/// bytes, sealed with a checksum that stands in for the signature.
///
/// The protocol core never reads envelopes, so their content only has to let the simulated
/// repository apply the real rules (per-publisher versions, replacement by graph, oldest first)
/// and detect tampering, while having a realistic size on the wire.
public struct SimulatedEnvelope: Sendable, Equatable {
    public var publisher: PeerID
    public var version: UInt64
    public var graph: UInt32
    /// Logical issue time: orders a delta oldest first across publishers.
    public var issued: UInt64
    /// Encoded size in bytes, filler included.
    public var size: Int

    /// Magic, publisher, version, graph, issued and the checksum.
    public static let minimumSize = 2 + 32 + 8 + 4 + 8 + 8
    private static let magic: [UInt8] = [UInt8(ascii: "S"), UInt8(ascii: "E")]

    public init(publisher: PeerID, version: UInt64, graph: UInt32, issued: UInt64, size: Int = 512) {
        self.publisher = publisher
        self.version = version
        self.graph = graph
        self.issued = issued
        self.size = max(size, Self.minimumSize)
    }

    /// Reads an envelope back; nil when it is malformed or its checksum does not match.
    public init?(_ data: EnvelopeData) {
        let bytes = data.bytes
        guard bytes.count >= Self.minimumSize, Array(bytes[0..<2]) == Self.magic,
              Self.checksum(bytes[..<(bytes.count - 8)]) == Self.integer(bytes, at: bytes.count - 8, width: 8),
              let publisher = PeerID(publicKey: Array(bytes[2..<34])) else { return nil }
        self.publisher = publisher
        version = Self.integer(bytes, at: 34, width: 8)
        graph = UInt32(Self.integer(bytes, at: 42, width: 4))
        issued = Self.integer(bytes, at: 46, width: 8)
        size = bytes.count
    }

    public func encoded() -> EnvelopeData {
        var bytes = Self.magic + publisher.publicKey
        Self.append(version, width: 8, to: &bytes)
        Self.append(UInt64(graph), width: 4, to: &bytes)
        Self.append(issued, width: 8, to: &bytes)
        bytes += repeatElement(UInt8(truncatingIfNeeded: version), count: size - Self.minimumSize)
        Self.append(Self.checksum(bytes[...]), width: 8, to: &bytes)
        return EnvelopeData(bytes)
    }

    /// FNV-1a: enough to catch a flipped byte, which is all a stand-in signature needs to do.
    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    private static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: (width - 1) * 8, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    private static func integer(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        bytes[offset..<(offset + width)].reduce(0) { ($0 << 8) | UInt64($1) }
    }
}
