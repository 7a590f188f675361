/// Who stands behind a description or retraction, which decides who may replace it and how its
/// version is numbered.
public enum DescriptionOrigin: Sendable {
    /// Published here without a signature, by a tool that has no identity (`query --data`, tests).
    /// Versions count per graph; only another unsigned write or the local identity may replace it.
    case unsigned
    /// Published here by the local identity: the store numbers it (per publisher) and the signer
    /// seals the envelope once the body's digest is known, inside the same transaction.
    case local(LocalSigner)
    /// Arrived in a signed envelope: its version is fixed by the publisher and its head is kept
    /// verbatim, so it can be passed on exactly as it was signed.
    case received(publisher: String, version: Int, envelope: [UInt8])

    /// The publisher's peer id, or nil for an unsigned description.
    public var publisher: String? {
        switch self {
        case .unsigned: nil
        case .local(let signer): signer.publisher
        case .received(let publisher, _, _): publisher
        }
    }
}
