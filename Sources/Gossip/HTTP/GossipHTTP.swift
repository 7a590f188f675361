/// The HTTP face of the gossip protocol, shared by the client (`HTTPGossipTransport`) and the
/// node's routes, so the two cannot drift apart.
public enum GossipHTTP {
    /// Step 1 and 2 of an exchange: digest in, delta and digest out.
    public static let exchangePath = "/gossip/exchange"
    /// Step 3: envelopes the partner lacks.
    public static let pushPath = "/gossip/push"
    public static let contentType = "application/x-grapevine-gossip"
    /// The sender's peer id, so a refusal can be attributed before the body is read.
    public static let peerHeader = "Grapevine-Peer"
    /// `PeerSignature` of the request by the key `peerHeader` names.
    public static let signatureHeader = "Grapevine-Peer-Signature"
    /// `NetworkKey` proof, on requests and answers, when the network has a key.
    public static let proofHeader = "Grapevine-Network-Proof"
}

/// A partner answered, but not with gossip.
public struct GossipHTTPError: Error, CustomStringConvertible, Sendable {
    public var address: String
    public var message: String

    public var description: String { "\(address): \(message)" }
}
