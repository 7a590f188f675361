/// The three messages of one push-pull exchange:
/// 1. the initiator sends its digest (and a sample of the peers it knows);
/// 2. the partner answers with what the initiator lacks, oldest first within the byte budget,
///    its own digest, and a sample of its peers;
/// 3. the initiator pushes what the partner lacks.
public struct ExchangeRequest: Sendable, Equatable {
    public var sender: PeerRecord
    public var digest: Digest
    public var peers: [PeerRecord]

    public init(sender: PeerRecord, digest: Digest, peers: [PeerRecord]) {
        self.sender = sender
        self.digest = digest
        self.peers = peers
    }
}

public struct ExchangeResponse: Sendable, Equatable {
    public var responder: PeerRecord
    public var digest: Digest
    public var envelopes: [EnvelopeData]
    public var peers: [PeerRecord]

    public init(responder: PeerRecord, digest: Digest, envelopes: [EnvelopeData], peers: [PeerRecord]) {
        self.responder = responder
        self.digest = digest
        self.envelopes = envelopes
        self.peers = peers
    }
}

public struct PushRequest: Sendable, Equatable {
    public var sender: PeerRecord
    public var envelopes: [EnvelopeData]

    public init(sender: PeerRecord, envelopes: [EnvelopeData]) {
        self.sender = sender
        self.envelopes = envelopes
    }
}
