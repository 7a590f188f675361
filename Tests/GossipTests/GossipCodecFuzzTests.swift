import Gossip
import Publishing
import Testing

/// Bytes arriving at a gossip endpoint can be anything. These feed the decoders seeded random
/// sequences, mutants and truncations of valid messages: each must either decode to something
/// that survives a round trip or fail with a `GossipCodecError` pointing inside the input.
@Suite("Gossip codec under garbage")
struct GossipCodecFuzzTests {
    /// Decodes with every decoder; returns how many accepted the bytes.
    @discardableResult
    private func decodeWithEach(_ bytes: [UInt8], limits: GossipLimits = GossipLimits()) -> Int {
        var accepted = 0
        func attempt(_ decode: () throws -> Int) {
            do {
                let items = try decode()
                accepted += 1
                // Whatever decodes is made of bytes that were really there.
                #expect(items <= bytes.count / 2)
            } catch let error as GossipCodecError {
                #expect(error.offset >= 0 && error.offset <= max(bytes.count, limits.maxMessageBytes))
                #expect(!error.problem.isEmpty)
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
        attempt {
            let message = try GossipCodec.decodeExchangeRequest(bytes, limits: limits)
            #expect(try GossipCodec.decodeExchangeRequest(GossipCodec.encode(message), limits: limits) == message)
            return message.digest.versions.count + message.peers.count
        }
        attempt {
            let message = try GossipCodec.decodeExchangeResponse(bytes, limits: limits)
            #expect(try GossipCodec.decodeExchangeResponse(GossipCodec.encode(message), limits: limits) == message)
            return message.digest.versions.count + message.peers.count + message.envelopes.count
        }
        attempt {
            let message = try GossipCodec.decodePushRequest(bytes, limits: limits)
            #expect(try GossipCodec.decodePushRequest(GossipCodec.encode(message), limits: limits) == message)
            return message.envelopes.count
        }
        attempt {
            let message = try GossipCodec.decodeAcceptReport(bytes, limits: limits)
            #expect(try GossipCodec.decodeAcceptReport(GossipCodec.encode(message), limits: limits) == message)
            return message.invalid.count
        }
        return accepted
    }

    private var validMessages: [[UInt8]] {
        let digest = Digest([testID(2): 7, testID(3): 300, testID(4): 1 << 40])
        return [
            GossipCodec.encode(ExchangeRequest(sender: testRecord(1), digest: digest, peers: [testRecord(5), testRecord(6)])),
            GossipCodec.encode(ExchangeResponse(responder: testRecord(1), digest: digest,
                                                envelopes: [EnvelopeData([1, 2, 3]), EnvelopeData(Array(repeating: 7, count: 140))],
                                                peers: [testRecord(7)])),
            GossipCodec.encode(PushRequest(sender: testRecord(1), envelopes: [EnvelopeData([4, 5]), EnvelopeData([6])])),
            GossipCodec.encode(AcceptReport(accepted: 2, ignored: 1, invalid: ["bad signature", "oversized"])),
        ]
    }

    @Test("random byte sequences never crash a decoder")
    func randomBytes() {
        var random = SeededRandom(seed: 0xF022)
        var accepted = 0
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...300, using: &random)
            accepted += decodeWithEach((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
        // Random bytes almost never start with the magic; none of them should have decoded.
        #expect(accepted == 0)
    }

    @Test("random bodies behind a valid header never crash a decoder")
    func randomBodies() {
        var random = SeededRandom(seed: 0xB0D1)
        for _ in 0..<3_000 {
            let kind = UInt8.random(in: 1...4, using: &random)
            let length = Int.random(in: 0...200, using: &random)
            // Small values make counts and lengths that fit, so decoding gets deep into a message.
            let body = (0..<length).map { _ in UInt8.random(in: 0...(Bool.random(using: &random) ? 3 : 255), using: &random) }
            decodeWithEach([0x47, 0x56, 1, kind] + body)
        }
    }

    @Test("every truncation of a valid message is refused with an offset inside it")
    func truncations() throws {
        for message in validMessages {
            #expect(decodeWithEach(message) == 1)
            for length in 0..<message.count {
                let prefix = Array(message.prefix(length))
                #expect(decodeWithEach(prefix) == 0, "a \(length)-byte prefix decoded")
            }
        }
    }

    @Test("mutated valid messages never crash a decoder, with default and with tight limits")
    func mutants() {
        var random = SeededRandom(seed: 0x3A7E)
        let tight = GossipLimits(maxMessageBytes: 400, maxEnvelopes: 3, maxEnvelopeBytes: 100, maxPeers: 2,
                                 maxDigestEntries: 2, maxAddressBytes: 12, maxReasons: 1, maxReasonBytes: 10)
        let messages = validMessages
        var accepted = 0
        for round in 0..<4_000 {
            var bytes = messages[round % messages.count]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<5, using: &random) {
                case 0: bytes[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
                case 1: bytes[position] = 0xFF
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
                case 3: if bytes.count > 1 { bytes.remove(at: position) }
                default: bytes[position] = UInt8.random(in: 0...255, using: &random)
                }
            }
            accepted += decodeWithEach(bytes)
            decodeWithEach(bytes, limits: tight)
        }
        // Some mutants (a changed envelope or version byte) are still messages: the round-trip
        // check above really ran.
        #expect(accepted > 100)
    }
}
