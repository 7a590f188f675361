/// Bounds on what a peer accepts in one gossip message.
///
/// Every count and length in a message is checked against these (and against the bytes actually
/// left) before anything is allocated, so a hostile or broken peer cannot make a decoder allocate
/// more than a small multiple of the bytes it really sent.
public struct GossipLimits: Sendable, Equatable {
    /// The whole encoded message; larger bodies are refused before decoding starts.
    public var maxMessageBytes: Int
    /// Envelopes in one answer or push.
    public var maxEnvelopes: Int
    /// One envelope.
    public var maxEnvelopeBytes: Int
    /// Peer records in one sample.
    public var maxPeers: Int
    /// Publishers in one digest.
    public var maxDigestEntries: Int
    /// One peer address (UTF-8 bytes).
    public var maxAddressBytes: Int
    /// Refusal reasons in one push answer.
    public var maxReasons: Int
    /// One refusal reason (UTF-8 bytes).
    public var maxReasonBytes: Int

    public init(maxMessageBytes: Int = 16 << 20, maxEnvelopes: Int = 50_000, maxEnvelopeBytes: Int = 4 << 20,
                maxPeers: Int = 64, maxDigestEntries: Int = 100_000, maxAddressBytes: Int = 512,
                maxReasons: Int = 256, maxReasonBytes: Int = 1_024) {
        self.maxMessageBytes = maxMessageBytes
        self.maxEnvelopes = maxEnvelopes
        self.maxEnvelopeBytes = maxEnvelopeBytes
        self.maxPeers = maxPeers
        self.maxDigestEntries = maxDigestEntries
        self.maxAddressBytes = maxAddressBytes
        self.maxReasons = maxReasons
        self.maxReasonBytes = maxReasonBytes
    }
}
