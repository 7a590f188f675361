import Publishing

/// What a peer has, Scuttlebutt-style: for each publisher, the highest version it holds.
///
/// Versions are numbered per publisher (every publication, replacement or retraction takes the
/// publisher's next number), so one number per publisher summarises everything a peer has of it.
/// The digest grows with the number of publishers, never with the number of descriptions.
public struct Digest: Sendable, Equatable {
    public var versions: [PeerID: UInt64]

    public init(_ versions: [PeerID: UInt64] = [:]) {
        self.versions = versions
    }

    public subscript(publisher: PeerID) -> UInt64 { versions[publisher] ?? 0 }
}
