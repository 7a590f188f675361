import Publishing

/// Appends the primitives of the gossip encoding: LEB128 varints, raw keys, length-prefixed bytes.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Unsigned LEB128: seven bits a byte, low bits first, high bit set on all but the last.
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func count(_ value: Int) {
        varint(UInt64(value))
    }

    /// A peer id as its 32 raw key bytes: the text form would cost 20 bytes more each.
    mutating func key(_ id: PeerID) {
        bytes.append(contentsOf: id.publicKey)
    }

    mutating func lengthPrefixed(_ data: [UInt8]) {
        count(data.count)
        bytes.append(contentsOf: data)
    }

    mutating func string(_ text: String) {
        count(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    /// How many bytes `varint(value)` writes.
    static func varintSize(_ value: UInt64) -> Int {
        var size = 1
        var rest = value >> 7
        while rest != 0 {
            size += 1
            rest >>= 7
        }
        return size
    }
}
