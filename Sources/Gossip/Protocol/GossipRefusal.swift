import Publishing

/// Why this peer refuses a gossip request, as opposed to failing to serve it.
public enum GossipRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sender sent invalid data too often; it is not served (or contacted) until the ban ends.
    case banned(address: String, id: PeerID, untilRound: UInt64)
    /// The request claims to come from this very peer: a loop in the seed list, or an impostor.
    case fromMyself

    public var description: String {
        switch self {
        case let .banned(address, id, untilRound):
            "peer \(id) at \(address) is banned until round \(untilRound) for sending invalid data"
        case .fromMyself:
            "the request claims to come from this peer itself"
        }
    }
}
