import Foundation

/// The local identity, as the store sees it: an id, and a way to sign an envelope head.
///
/// The store cannot sign (it knows no keys) and the signer cannot number versions (that needs
/// the transaction), so the store calls `seal` once it knows the version and the body's digest.
public struct LocalSigner: Sendable {
    public var publisher: String
    /// Returns the envelope head (every byte before the body) for `EnvelopeSeal`.
    public var seal: @Sendable (EnvelopeSeal) throws -> [UInt8]

    public init(publisher: String, seal: @escaping @Sendable (EnvelopeSeal) throws -> [UInt8]) {
        self.publisher = publisher
        self.seal = seal
    }
}

/// What the store settles before an envelope head can be signed.
public struct EnvelopeSeal: Sendable, Equatable {
    public var graph: String
    public var version: Int
    public var issued: Date
    public var expires: Date?
    /// Bytes of the body; 0 for a retraction.
    public var byteCount: Int
    /// The body's digest as the writer recorded it (`sha256:<hex>`); empty for a retraction.
    public var digest: String
}
