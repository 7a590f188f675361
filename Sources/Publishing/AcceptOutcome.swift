/// What became of one envelope from a peer.
public enum AcceptOutcome: Sendable, Equatable {
    /// Stored: a new description, a replacement or a retraction.
    case accepted(EnvelopeHeader)
    /// Correctly signed, but not stored; the sender did nothing wrong.
    case ignored(EnvelopeHeader, IgnoredBecause)
    /// Refused: malformed, badly signed, oversized, or a body that does not parse or breaks the
    /// rules. The reason names the envelope (publisher, graph, version) when its head was readable.
    case invalid(String)
}
