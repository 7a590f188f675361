import Crypto
import Foundation

/// This peer's Ed25519 key pair: what signs every description it publishes.
///
/// The private key lives in `<database>.key` beside the store, so several nodes in one folder
/// (each with its own `--db`) each have their own identity, and a backup of the folder keeps a
/// store together with the key its descriptions were signed with.
public struct PeerIdentity: Sendable {
    private let key: Curve25519.Signing.PrivateKey
    public let id: PeerID

    /// An identity from a 32-byte Ed25519 seed.
    public init(seed: [UInt8]) throws {
        key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        id = PeerID(publicKey: [UInt8](key.publicKey.rawRepresentation))!
    }

    /// A new random identity, kept in memory only (for simulations and tests).
    public static func generate() -> PeerIdentity {
        let key = Curve25519.Signing.PrivateKey()
        return try! PeerIdentity(seed: [UInt8](key.rawRepresentation))
    }

    /// Ed25519 signature (64 bytes) of `bytes`.
    public func sign(_ bytes: some DataProtocol) throws -> [UInt8] {
        [UInt8](try key.signature(for: bytes))
    }

    // MARK: The key file

    /// Where the key of the store at `databasePath` lives.
    public static func keyPath(forDatabase databasePath: String) -> String { databasePath + ".key" }

    /// Loads the identity of the store at `databasePath`.
    ///
    /// Refuses a key that group or others can read, as ssh does: a key that other users could
    /// have copied no longer proves who published.
    public static func load(forDatabase databasePath: String) throws(IdentityError) -> PeerIdentity {
        let file = keyPath(forDatabase: databasePath)
        var info = stat()
        guard stat(file, &info) == 0 else {
            if errno == ENOENT { throw .missing(keyFile: file) }
            throw .io(keyFile: file, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .malformed(keyFile: file, reason: "it is not a regular file") }
        guard info.st_mode & 0o077 == 0 else { throw .exposed(keyFile: file, mode: UInt32(info.st_mode)) }
        guard info.st_size <= 4096 else { throw .malformed(keyFile: file, reason: "it is \(info.st_size) bytes, far too long for a key") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .io(keyFile: file, reason: "cannot read it")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .malformed(keyFile: file, reason: "it is not text") }
        switch PrivateKeyPEM.decode(text) {
        case .success(let seed):
            do {
                return try PeerIdentity(seed: seed)
            } catch {
                throw .malformed(keyFile: file, reason: "\(error)")
            }
        case .failure(let failure):
            throw .malformed(keyFile: file, reason: failure.reason)
        }
    }

    /// Creates a new identity for the store at `databasePath`; never replaces an existing key.
    ///
    /// The key is written to a temporary file created with mode 0600 and then hard-linked into
    /// place, so the key file appears complete and private in one step, and two processes
    /// creating it at once cannot both succeed.
    public static func create(forDatabase databasePath: String) throws(IdentityError) -> PeerIdentity {
        let file = keyPath(forDatabase: databasePath)
        let identity = generate()
        let folder = (file as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .io(keyFile: file, reason: error.localizedDescription)
            }
        }
        let temporary = file + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .io(keyFile: file, reason: String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        let text = Array(PrivateKeyPEM.encode(seed: [UInt8](identity.key.rawRepresentation)).utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == text.count, synced else { throw .io(keyFile: file, reason: "cannot write the key") }
        guard link(temporary, file) == 0 else {
            if errno == EEXIST { throw .alreadyExists(keyFile: file) }
            throw .io(keyFile: file, reason: String(cString: strerror(errno)))
        }
        return identity
    }

    /// Loads the store's identity, creating one if there is none yet.
    public static func loadOrCreate(forDatabase databasePath: String) throws(IdentityError) -> (identity: PeerIdentity, created: Bool) {
        do throws(IdentityError) {
            return (try load(forDatabase: databasePath), false)
        } catch .missing {
            do throws(IdentityError) {
                return (try create(forDatabase: databasePath), true)
            } catch .alreadyExists {
                // Another process created it between the two steps: use theirs.
                return (try load(forDatabase: databasePath), false)
            }
        }
    }
}
