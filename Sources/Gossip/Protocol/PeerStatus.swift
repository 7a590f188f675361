import Foundation
import Publishing

/// One known peer as `grapevine peers` and `/status` show it: a snapshot, not a live view.
public struct PeerStatus: Sendable, Equatable {
    public var address: String
    /// Nil until the peer has answered or contacted this one (an address from `--peer` has no id yet).
    public var id: PeerID?
    public var state: PeerState
    /// Last successful contact in either direction.
    public var lastContact: Date?
    public var consecutiveFailures: Int
    /// Round from which a dead peer may be tried again.
    public var retryRound: UInt64?
    public var envelopesReceived: Int
    public var bytesReceived: Int
    /// Invalid envelopes and undecodable messages attributed to the peer, ever.
    public var invalidCount: Int
    /// The ban's last round, while the peer is banned.
    public var bannedUntilRound: UInt64?
    public var isSeed: Bool

    public var isBanned: Bool { bannedUntilRound != nil }
}
