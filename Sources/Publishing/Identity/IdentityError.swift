/// Why a peer identity could not be loaded or created. Nothing is written when one is thrown.
public enum IdentityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No key file beside the database.
    case missing(keyFile: String)
    /// `create` found a key already there; it never overwrites one.
    case alreadyExists(keyFile: String)
    /// The key file is readable or writable by group or others.
    case exposed(keyFile: String, mode: UInt32)
    /// The file is not an Ed25519 private key in PKCS#8 PEM form.
    case malformed(keyFile: String, reason: String)
    /// The file system refused (permissions, missing folder, full disk).
    case io(keyFile: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let file):
            "no identity key at \(file)"
        case .alreadyExists(let file):
            "an identity already exists in \(file); it is never overwritten (move it away first to start a new one)"
        case .exposed(let file, let mode):
            "the identity key \(file) is accessible to other users (mode \(String(mode & 0o777, radix: 8))); run chmod 600 \(file)"
        case .malformed(let file, let reason):
            "the identity key \(file) is not an Ed25519 private key in PKCS#8 PEM form: \(reason)"
        case .io(let file, let reason):
            "cannot use the identity key \(file): \(reason)"
        }
    }
}
