import Foundation
import Publishing

/// Membership's record of one peer: its failure-detector state and its counters.
struct KnownPeer: Sendable {
    var address: String
    /// Learned from its own answer or request; from a sample, only a claim.
    var id: PeerID?
    var state = PeerState.alive
    /// Heard from directly at least once. Only such peers are named in samples, so an address
    /// nobody has reached (a typo, a peer that died before anyone met it) does not spread.
    var verified = false
    /// Given by the operator: never evicted or forgotten, or a node that loses touch with the
    /// network could never find its way back.
    var isSeed = false
    var consecutiveFailures = 0
    /// Failed retries since the peer was declared dead; drives the exponential back-off.
    var deadRetries = 0
    var retryRound: UInt64 = 0
    var lastContact: Date?
    var envelopesReceived = 0
    var bytesReceived = 0
    var invalidCount = 0

    init(address: String, id: PeerID? = nil) {
        self.address = address
        self.id = id
    }

    func isContactable(in round: UInt64) -> Bool {
        state != .dead || round >= retryRound
    }
}
