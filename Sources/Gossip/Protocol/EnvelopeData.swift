/// One signed envelope as it travels: opaque, verbatim bytes.
///
/// The protocol core moves envelopes without reading them; only the repository (which verifies
/// signatures and stores descriptions) parses them. That keeps the core transport- and
/// storage-agnostic and guarantees a peer re-gossips exactly the bytes that were signed.
public struct EnvelopeData: Hashable, Sendable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}
