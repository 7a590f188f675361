import Publishing

/// Reads the primitives of the gossip encoding from untrusted bytes.
///
/// Every read checks the bytes left first, and every count is checked against both its limit and
/// the smallest size its items can take, so a forged count can neither trap nor make the caller
/// reserve memory the message does not back with real bytes.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    func failure(_ problem: String, at position: Int? = nil) -> GossipCodecError {
        GossipCodecError(offset: position ?? offset, problem: problem)
    }

    mutating func byte(_ what: String) throws(GossipCodecError) -> UInt8 {
        guard remaining >= 1 else { throw failure("message ends before \(what)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Unsigned LEB128, at most ten bytes, minimal form only (so each value has one encoding).
    mutating func varint(_ what: String) throws(GossipCodecError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard remaining >= 1 else { throw failure("message ends inside \(what)") }
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 { throw failure("\(what) does not fit in 64 bits", at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 { throw failure("\(what) is not in its shortest form", at: start) }
                return value
            }
            shift += 7
        }
    }

    /// A count of items that each take at least `minimumItemBytes`, at most `limit`.
    mutating func count(_ what: String, limit: Int, minimumItemBytes: Int) throws(GossipCodecError) -> Int {
        let start = offset
        let value = try varint("the number of \(what)")
        guard value <= UInt64(limit) else {
            throw failure("\(value) \(what), more than the limit of \(limit)", at: start)
        }
        let count = Int(value)
        guard count <= remaining / max(minimumItemBytes, 1) else {
            throw failure("\(count) \(what) cannot fit in the \(remaining) bytes left", at: start)
        }
        return count
    }

    /// A length-prefixed byte string of at most `limit` bytes.
    mutating func lengthPrefixed(_ what: String, limit: Int) throws(GossipCodecError) -> [UInt8] {
        let start = offset
        let value = try varint("the length of \(what)")
        guard value <= UInt64(limit) else {
            throw failure("\(what) of \(value) bytes, more than the limit of \(limit)", at: start)
        }
        guard value <= UInt64(remaining) else {
            throw failure("\(what) of \(value) bytes, but only \(remaining) bytes are left", at: start)
        }
        let end = offset + Int(value)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }

    mutating func string(_ what: String, limit: Int) throws(GossipCodecError) -> String {
        let start = offset
        let raw = try lengthPrefixed(what, limit: limit)
        // Decoding replaces ill-formed sequences, so the bytes survive the round trip only when valid.
        let text = String(decoding: raw, as: UTF8.self)
        guard text.utf8.elementsEqual(raw) else { throw failure("\(what) is not valid UTF-8", at: start) }
        return text
    }

    mutating func key(_ what: String) throws(GossipCodecError) -> PeerID {
        guard remaining >= 32 else { throw failure("message ends inside \(what)") }
        let end = offset + 32
        guard let id = PeerID(publicKey: Array(bytes[offset..<end])) else { throw failure("\(what) is not a key") }
        offset = end
        return id
    }
}
