/// What this peer believes of another one.
public enum PeerState: String, Sendable, Codable, CaseIterable {
    /// Answered the last contact, or was just learned and not yet tried.
    case alive
    /// The last contact failed; still contacted, because one lost message proves little.
    case suspect
    /// Several contacts in a row failed; retried only after a growing back-off.
    case dead
}
