import Publishing

/// A peer as the network knows it: its id and where it answers gossip.
///
/// `address` is a base URL for the HTTP transport (`http://127.0.0.1:8471`) and any unique name
/// for an in-memory one; the protocol core never looks inside it.
public struct PeerRecord: Hashable, Sendable {
    public var id: PeerID
    public var address: String

    public init(id: PeerID, address: String) {
        self.id = id
        self.address = address
    }
}
