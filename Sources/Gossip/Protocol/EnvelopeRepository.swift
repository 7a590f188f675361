import Publishing

/// Where a peer keeps envelopes: the SQLite store on a node, a dictionary in the simulation.
///
/// The repository owns every decision about an envelope's content: signature, ownership of the
/// graph, version order, trust, size and expiry. The protocol core only asks what to send and
/// hands over what arrived.
public protocol EnvelopeRepository: Sendable {
    /// Publisher → highest version held (including versions already superseded or purged, so a
    /// partner never resends them).
    func digest() async throws -> Digest

    /// What a partner with `digest` lacks: for each publisher, the envelopes above the partner's
    /// version in version order, merged across publishers oldest first, stopping before
    /// `budget` bytes (but always at least one envelope when there is any, so a large envelope
    /// still moves). Each publisher's part is a prefix of its pending envelopes, so the partner's
    /// digest stays exact.
    func delta(for digest: Digest, budget: Int) async throws -> [EnvelopeData]

    /// Checks and stores envelopes that arrived from `peer`, in order.
    func accept(_ envelopes: [EnvelopeData], from peer: PeerID) async throws -> AcceptReport
}

/// What became of a batch of arriving envelopes.
public struct AcceptReport: Sendable, Equatable {
    /// Stored: new descriptions, replacements, retractions.
    public var accepted = 0
    /// Well-formed and correctly signed but not needed or not wanted: a version already held, an
    /// expired envelope, a publisher outside `trust:`, a graph owned by another publisher.
    public var ignored = 0
    /// Refusals that count against the sending peer: bad signature, malformed, oversized.
    /// Each reason names the envelope (publisher, graph, version) where it could be read.
    public var invalid: [String] = []

    public init(accepted: Int = 0, ignored: Int = 0, invalid: [String] = []) {
        self.accepted = accepted
        self.ignored = ignored
        self.invalid = invalid
    }
}
