import Gossip
import Publishing
import Testing

@Suite("Gossip codec: round trips and precise errors")
struct GossipCodecTests {
    let sampleDigest = Digest([testID(2): 7, testID(3): 300, testID(4): .max, testID(5): 0])

    @Test("an exchange request round-trips, non-ASCII addresses and extreme versions included")
    func exchangeRequest() throws {
        let request = ExchangeRequest(sender: testRecord(1, address: "http://[::1]:8471/pêche"), digest: sampleDigest,
                                      peers: [testRecord(6), testRecord(7, address: "http://198.51.100.7:8471")])
        #expect(try GossipCodec.decodeExchangeRequest(GossipCodec.encode(request)) == request)
    }

    @Test("an exchange response round-trips with envelopes of any size")
    func exchangeResponse() throws {
        let envelopes = [EnvelopeData([9]), EnvelopeData(Array(repeating: 0xAB, count: 300)), EnvelopeData(Array(0...255))]
        let response = ExchangeResponse(responder: testRecord(1), digest: sampleDigest, envelopes: envelopes, peers: [testRecord(8)])
        #expect(try GossipCodec.decodeExchangeResponse(GossipCodec.encode(response)) == response)
    }

    @Test("a push request and its answer round-trip")
    func pushAndAnswer() throws {
        let push = PushRequest(sender: testRecord(1), envelopes: [EnvelopeData([1, 2, 3])])
        #expect(try GossipCodec.decodePushRequest(GossipCodec.encode(push)) == push)
        let answer = AcceptReport(accepted: 3, ignored: 200, invalid: ["bad signature (publisher x, graph y, version 3)", "ünïcode"])
        #expect(try GossipCodec.decodeAcceptReport(GossipCodec.encode(answer)) == answer)
    }

    @Test("empty digests, samples and deltas round-trip")
    func empties() throws {
        let request = ExchangeRequest(sender: testRecord(1), digest: Digest(), peers: [])
        #expect(try GossipCodec.decodeExchangeRequest(GossipCodec.encode(request)) == request)
        let response = ExchangeResponse(responder: testRecord(1), digest: Digest(), envelopes: [], peers: [])
        #expect(try GossipCodec.decodeExchangeResponse(GossipCodec.encode(response)) == response)
        #expect(try GossipCodec.decodeAcceptReport(GossipCodec.encode(AcceptReport())) == AcceptReport())
    }

    @Test("a digest has one encoding, whatever the order its entries were added in")
    func canonicalDigest() {
        var forwards = Digest(), backwards = Digest()
        for seed in UInt8(1)...40 { forwards.versions[testID(seed)] = UInt64(seed) }
        for seed in (UInt8(1)...40).reversed() { backwards.versions[testID(seed)] = UInt64(seed) }
        let a = GossipCodec.encode(ExchangeRequest(sender: testRecord(0), digest: forwards, peers: []))
        let b = GossipCodec.encode(ExchangeRequest(sender: testRecord(0), digest: backwards, peers: []))
        #expect(a == b)
    }

    @Test("a digest costs its count plus 32 key bytes and a varint per publisher")
    func digestSize() {
        let small = Digest([testID(1): 1, testID(2): 127])
        let large = Digest([testID(1): 128, testID(2): 1 << 20])
        #expect(GossipCodec.encodedSize(of: Digest()) == 1)
        #expect(GossipCodec.encodedSize(of: small) == 1 + 2 * 33)
        #expect(GossipCodec.encodedSize(of: large) == 1 + 34 + 35)
        let empty = GossipCodec.encode(ExchangeRequest(sender: testRecord(0), digest: Digest(), peers: []))
        let full = GossipCodec.encode(ExchangeRequest(sender: testRecord(0), digest: large, peers: []))
        #expect(full.count - empty.count == GossipCodec.encodedSize(of: large) - 1)
    }

    @Test("long refusal lists are capped by the encoder so an honest answer always decodes")
    func reasonCaps() throws {
        let report = AcceptReport(accepted: 1, invalid: Array(repeating: String(repeating: "é", count: 2_000), count: 500))
        let decoded = try GossipCodec.decodeAcceptReport(GossipCodec.encode(report))
        #expect(decoded.invalid.count == 64)
        #expect(decoded.invalid.last == "… and 437 more")
        #expect(decoded.invalid.allSatisfy { $0.utf8.count <= 512 })
        #expect(decoded.invalid[0].hasSuffix("…"))
    }

    // MARK: Errors

    /// The codec's error for `body`; a decode that succeeds or throws anything else fails the test.
    private func error(_ body: () throws -> Void) -> GossipCodecError? {
        do {
            try body()
            Issue.record("decoding succeeded")
        } catch let error as GossipCodecError {
            return error
        } catch {
            Issue.record("not a GossipCodecError: \(error)")
        }
        return nil
    }

    private var validRequest: [UInt8] {
        GossipCodec.encode(ExchangeRequest(sender: testRecord(1), digest: sampleDigest, peers: [testRecord(2), testRecord(3)]))
    }

    @Test("the header is checked: magic at byte 0, version at byte 2, kind at byte 3")
    func header() {
        var bytes = validRequest
        bytes[0] = 0x7B
        #expect(error { _ = try GossipCodec.decodeExchangeRequest(bytes) }?.offset == 0)
        bytes = validRequest
        bytes[2] = 9
        let version = error { _ = try GossipCodec.decodeExchangeRequest(bytes) }
        #expect(version?.offset == 2)
        #expect(version?.problem.contains("version 9") == true)
        let kind = error { _ = try GossipCodec.decodePushRequest(validRequest) }
        #expect(kind?.offset == 3)
        #expect(kind?.problem == "expected a push request, found an exchange request")
        #expect(error { _ = try GossipCodec.decodeExchangeRequest([]) }?.offset == 0)
    }

    @Test("trailing bytes are refused at the offset where the message should have ended")
    func trailing() {
        let bytes = validRequest
        let failure = error { _ = try GossipCodec.decodeExchangeRequest(bytes + [0]) }
        #expect(failure?.offset == bytes.count)
        #expect(failure?.problem == "1 bytes after the end of the message")
    }

    @Test("a message over the size limit is refused before it is read")
    func messageLimit() {
        let failure = error { _ = try GossipCodec.decodeExchangeRequest(validRequest, limits: GossipLimits(maxMessageBytes: 40)) }
        #expect(failure?.offset == 40)
        #expect(failure?.problem.contains("more than the limit of 40") == true)
    }

    @Test("counts over their limit are refused at the count's offset")
    func countLimits() {
        let recordBytes = 32 + 1 + testRecord(2).address.utf8.count
        let peersOffset = validRequest.count - 2 * recordBytes - 1
        let peers = error { _ = try GossipCodec.decodeExchangeRequest(validRequest, limits: GossipLimits(maxPeers: 1)) }
        #expect(peers?.offset == peersOffset)
        #expect(peers?.problem == "2 peers, more than the limit of 1")
        let digest = error { _ = try GossipCodec.decodeExchangeRequest(validRequest, limits: GossipLimits(maxDigestEntries: 3)) }
        #expect(digest?.offset == 4 + 32 + 1 + testRecord(1).address.utf8.count)
        let address = error { _ = try GossipCodec.decodeExchangeRequest(validRequest, limits: GossipLimits(maxAddressBytes: 5)) }
        #expect(address?.offset == 36)
        let response = GossipCodec.encode(ExchangeResponse(responder: testRecord(1), digest: Digest(),
                                                           envelopes: [EnvelopeData(Array(repeating: 1, count: 100))], peers: []))
        let envelope = error { _ = try GossipCodec.decodeExchangeResponse(response, limits: GossipLimits(maxEnvelopeBytes: 99)) }
        #expect(envelope?.problem == "envelope 1 of 100 bytes, more than the limit of 99")
    }

    @Test("a huge count in a small message is refused without allocating, even with no limits")
    func forgedCount() {
        let unlimited = GossipLimits(maxMessageBytes: .max, maxEnvelopes: .max, maxEnvelopeBytes: .max, maxPeers: .max,
                                     maxDigestEntries: .max, maxAddressBytes: .max, maxReasons: .max, maxReasonBytes: .max)
        var bytes: [UInt8] = [0x47, 0x56, 1, 3] + testID(1).publicKey + [1, 0x61]
        bytes += [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]  // 2^62 envelopes
        let failure = error { _ = try GossipCodec.decodePushRequest(bytes, limits: unlimited) }
        #expect(failure?.offset == 38)
        #expect(failure?.problem == "\(UInt64(1) << 62) envelopes cannot fit in the 0 bytes left")
        let length: [UInt8] = [0x47, 0x56, 1, 3] + testID(1).publicKey + [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x61]
        #expect(error { _ = try GossipCodec.decodePushRequest(length, limits: unlimited) }?.problem
            == "the address of the sender of 4294967295 bytes, but only 1 bytes are left")
    }

    @Test("varints must fit 64 bits and be in their shortest form")
    func varints() {
        let prefix: [UInt8] = [0x47, 0x56, 1, 4]
        let overflow = error { _ = try GossipCodec.decodeAcceptReport(prefix + Array(repeating: 0xFF, count: 9) + [0x02, 0, 0]) }
        #expect(overflow?.problem == "the accepted count does not fit in 64 bits")
        let padded = error { _ = try GossipCodec.decodeAcceptReport(prefix + [0x81, 0x00, 0, 0]) }
        #expect(padded?.offset == 4)
        #expect(padded?.problem == "the accepted count is not in its shortest form")
        let endless = error { _ = try GossipCodec.decodeAcceptReport(prefix + [0x81, 0x81]) }
        #expect(endless?.problem == "message ends inside the accepted count")
        let tally = error { _ = try GossipCodec.decodeAcceptReport(prefix + [0x80, 0x80, 0x04, 0, 0]) }
        #expect(tally?.problem == "the accepted count 65536 is more than the 50000 envelopes a push may carry")
    }

    @Test("addresses must be non-empty UTF-8, digests must not repeat a publisher, envelopes must not be empty")
    func fieldRules() {
        let header: [UInt8] = [0x47, 0x56, 1, 1] + testID(1).publicKey
        let badUTF8 = error { _ = try GossipCodec.decodeExchangeRequest(header + [2, 0xC3, 0x28, 0, 0]) }
        #expect(badUTF8?.offset == 36)
        #expect(badUTF8?.problem == "the address of the sender is not valid UTF-8")
        let empty = error { _ = try GossipCodec.decodeExchangeRequest(header + [0, 0, 0]) }
        #expect(empty?.problem == "the address of the sender is empty")
        let entry = testID(9).publicKey + [5]
        let twice = error { _ = try GossipCodec.decodeExchangeRequest(header + [1, 0x61, 2] + entry + entry + [0]) }
        #expect(twice?.offset == 39 + 33)
        #expect(twice?.problem.contains("appears twice") == true)
        let push: [UInt8] = [0x47, 0x56, 1, 3] + testID(1).publicKey + [1, 0x61, 2, 0, 2, 7, 7]
        let emptyEnvelope = error { _ = try GossipCodec.decodePushRequest(push) }
        #expect(emptyEnvelope?.offset == 39)
        #expect(emptyEnvelope?.problem == "envelope 1 is empty")
    }
}
