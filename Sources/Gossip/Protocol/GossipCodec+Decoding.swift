import Publishing

/// Decoding: every entry point checks the size limit first, then reads field by field through
/// `ByteReader`, and refuses trailing bytes.
extension GossipCodec {
    public static func decodeExchangeRequest(_ bytes: [UInt8], limits: GossipLimits = GossipLimits())
        throws(GossipCodecError) -> ExchangeRequest {
        var reader = try open(bytes, as: .exchangeRequest, limits: limits)
        let request = ExchangeRequest(sender: try readPeer(&reader, "the sender", limits),
                                      digest: try readDigest(&reader, limits),
                                      peers: try readPeers(&reader, limits))
        try close(reader)
        return request
    }

    public static func decodeExchangeResponse(_ bytes: [UInt8], limits: GossipLimits = GossipLimits())
        throws(GossipCodecError) -> ExchangeResponse {
        var reader = try open(bytes, as: .exchangeResponse, limits: limits)
        let response = ExchangeResponse(responder: try readPeer(&reader, "the responder", limits),
                                        digest: try readDigest(&reader, limits),
                                        envelopes: try readEnvelopes(&reader, limits),
                                        peers: try readPeers(&reader, limits))
        try close(reader)
        return response
    }

    public static func decodePushRequest(_ bytes: [UInt8], limits: GossipLimits = GossipLimits())
        throws(GossipCodecError) -> PushRequest {
        var reader = try open(bytes, as: .pushRequest, limits: limits)
        let request = PushRequest(sender: try readPeer(&reader, "the sender", limits),
                                  envelopes: try readEnvelopes(&reader, limits))
        try close(reader)
        return request
    }

    public static func decodeAcceptReport(_ bytes: [UInt8], limits: GossipLimits = GossipLimits())
        throws(GossipCodecError) -> AcceptReport {
        var reader = try open(bytes, as: .acceptReport, limits: limits)
        let accepted = try readTally(&reader, "the accepted count", limits)
        let ignored = try readTally(&reader, "the ignored count", limits)
        let count = try reader.count("refusal reasons", limit: limits.maxReasons, minimumItemBytes: 1)
        var reasons: [String] = []
        reasons.reserveCapacity(count)
        for index in 0..<count {
            reasons.append(try reader.string("refusal reason \(index + 1)", limit: limits.maxReasonBytes))
        }
        try close(reader)
        return AcceptReport(accepted: accepted, ignored: ignored, invalid: reasons)
    }

    private static func open(_ bytes: [UInt8], as kind: Kind, limits: GossipLimits) throws(GossipCodecError) -> ByteReader {
        guard bytes.count <= limits.maxMessageBytes else {
            throw GossipCodecError(offset: limits.maxMessageBytes,
                                   problem: "message of \(bytes.count) bytes, more than the limit of \(limits.maxMessageBytes)")
        }
        var reader = ByteReader(bytes)
        for expected in magic {
            guard try reader.byte("the magic bytes") == expected else {
                throw reader.failure("not a gossip message (it does not start with \"GV\")", at: reader.offset - 1)
            }
        }
        let version = try reader.byte("the format version")
        guard version == formatVersion else {
            throw reader.failure("format version \(version); this peer speaks version \(formatVersion)", at: reader.offset - 1)
        }
        let found = try reader.byte("the message kind")
        guard found == kind.rawValue else {
            let name = Kind(rawValue: found)?.name ?? "unknown kind \(found)"
            throw reader.failure("expected \(kind.name), found \(name)", at: reader.offset - 1)
        }
        return reader
    }

    private static func close(_ reader: ByteReader) throws(GossipCodecError) {
        guard reader.remaining == 0 else {
            throw reader.failure("\(reader.remaining) bytes after the end of the message")
        }
    }

    private static func readPeer(_ reader: inout ByteReader, _ what: String, _ limits: GossipLimits) throws(GossipCodecError) -> PeerRecord {
        let id = try reader.key("the id of \(what)")
        let start = reader.offset
        let address = try reader.string("the address of \(what)", limit: limits.maxAddressBytes)
        guard !address.isEmpty else { throw reader.failure("the address of \(what) is empty", at: start) }
        return PeerRecord(id: id, address: address)
    }

    private static func readPeers(_ reader: inout ByteReader, _ limits: GossipLimits) throws(GossipCodecError) -> [PeerRecord] {
        let count = try reader.count("peers", limit: limits.maxPeers, minimumItemBytes: peerRecordMinimumBytes)
        var peers: [PeerRecord] = []
        peers.reserveCapacity(count)
        for index in 0..<count {
            peers.append(try readPeer(&reader, "peer \(index + 1)", limits))
        }
        return peers
    }

    private static func readDigest(_ reader: inout ByteReader, _ limits: GossipLimits) throws(GossipCodecError) -> Digest {
        let count = try reader.count("digest entries", limit: limits.maxDigestEntries, minimumItemBytes: digestEntryMinimumBytes)
        var versions: [PeerID: UInt64] = [:]
        versions.reserveCapacity(count)
        for index in 0..<count {
            let start = reader.offset
            let publisher = try reader.key("the publisher of digest entry \(index + 1)")
            let version = try reader.varint("the version of digest entry \(index + 1)")
            guard versions.updateValue(version, forKey: publisher) == nil else {
                throw reader.failure("publisher \(publisher) appears twice in the digest", at: start)
            }
        }
        return Digest(versions)
    }

    private static func readEnvelopes(_ reader: inout ByteReader, _ limits: GossipLimits) throws(GossipCodecError) -> [EnvelopeData] {
        // An envelope takes a length and at least one byte: an empty one is never valid.
        let count = try reader.count("envelopes", limit: limits.maxEnvelopes, minimumItemBytes: 2)
        var envelopes: [EnvelopeData] = []
        envelopes.reserveCapacity(count)
        for index in 0..<count {
            let start = reader.offset
            let bytes = try reader.lengthPrefixed("envelope \(index + 1)", limit: limits.maxEnvelopeBytes)
            guard !bytes.isEmpty else { throw reader.failure("envelope \(index + 1) is empty", at: start) }
            envelopes.append(EnvelopeData(bytes))
        }
        return envelopes
    }

    private static func readTally(_ reader: inout ByteReader, _ what: String, _ limits: GossipLimits) throws(GossipCodecError) -> Int {
        let start = reader.offset
        let value = try reader.varint(what)
        guard value <= UInt64(limits.maxEnvelopes) else {
            throw reader.failure("\(what) \(value) is more than the \(limits.maxEnvelopes) envelopes a push may carry", at: start)
        }
        return Int(value)
    }
}
