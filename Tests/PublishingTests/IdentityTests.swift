import Foundation
import Publishing
import Testing

/// Runs a tool (openssl, here) and returns its standard output.
func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}

func mode(of path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Suite("Peer identities")
struct IdentityTests {
    let directory: String
    var database: String { directory + "/store.sqlite" }
    var keyFile: String { PeerIdentity.keyPath(forDatabase: database) }

    init() throws {
        directory = NSTemporaryDirectory() + "grapevine-identity-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test("a new key is written beside the database, owner-only, and loads back as the same id")
    func createAndLoad() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(keyFile == database + ".key")
        let created = try PeerIdentity.create(forDatabase: database)
        #expect(try mode(of: keyFile) == 0o600)
        #expect(try PeerIdentity.load(forDatabase: database).id == created.id)
        let text = try String(contentsOfFile: keyFile, encoding: .utf8)
        #expect(text.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(text.hasSuffix("-----END PRIVATE KEY-----\n"))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["store.sqlite.key"])
    }

    @Test("openssl reads the key file, and the public key it prints is the peer id")
    func opensslReadsTheKey() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let identity = try PeerIdentity.create(forDatabase: database)
        let result = try run("openssl", ["pkey", "-in", keyFile, "-pubout", "-outform", "DER"])
        #expect(result.status == 0)
        // SubjectPublicKeyInfo for Ed25519: a 12-byte prefix, then the 32-byte key.
        #expect(result.output.count == 44)
        #expect(Array(result.output.suffix(32)) == identity.id.publicKey)
    }

    @Test("a key made by openssl genpkey loads, with openssl's public key as the id")
    func opensslKeyLoads() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try run("openssl", ["genpkey", "-algorithm", "ed25519", "-out", keyFile]).status == 0)
        chmod(keyFile, 0o600)
        let publicKey = try run("openssl", ["pkey", "-in", keyFile, "-pubout", "-outform", "DER"]).output
        #expect(try PeerIdentity.load(forDatabase: database).id.publicKey == Array(publicKey.suffix(32)))
    }

    @Test("an existing key is never replaced")
    func secondCreateRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try PeerIdentity.create(forDatabase: database)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: keyFile))
        #expect(throws: IdentityError.alreadyExists(keyFile: keyFile)) { try PeerIdentity.create(forDatabase: database) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: keyFile)) == bytes)
        let again = try PeerIdentity.loadOrCreate(forDatabase: database)
        #expect(again.identity.id == first.id && !again.created)
    }

    @Test("loadOrCreate creates once")
    func loadOrCreate() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: IdentityError.missing(keyFile: keyFile)) { try PeerIdentity.load(forDatabase: database) }
        let first = try PeerIdentity.loadOrCreate(forDatabase: database)
        #expect(first.created)
        let second = try PeerIdentity.loadOrCreate(forDatabase: database)
        #expect(!second.created && second.identity.id == first.identity.id)
    }

    @Test("a key other users can read is refused, with the fix in the message")
    func exposedKeyRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try PeerIdentity.create(forDatabase: database)
        for permissions in [0o640, 0o604, 0o644] {
            chmod(keyFile, mode_t(permissions))
            let error = try #require(throws: IdentityError.self) { try PeerIdentity.load(forDatabase: database) }
            #expect(error == .exposed(keyFile: keyFile, mode: UInt32(0o100000 | permissions)))
            #expect(error.description.contains("chmod 600 \(keyFile)"))
        }
    }

    @Test("a malformed key file is refused with what is wrong", arguments: [
        ("", "does not begin"),
        ("-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n", "not base64"),
        // A valid PEM of the wrong kind of key (P-256 PKCS#8 prefix, truncated).
        ("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEH\n-----END PRIVATE KEY-----\n", "not an Ed25519 key"),
        ("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n", "does not end"),
    ])
    func malformedKeyRefused(text: String, reason: String) throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let descriptor = open(keyFile, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        _ = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        let error = try #require(throws: IdentityError.self) { try PeerIdentity.load(forDatabase: database) }
        guard case .malformed(let file, let message) = error else {
            Issue.record("expected a malformed-key error, got \(error)")
            return
        }
        #expect(file == keyFile)
        #expect(message.contains(reason), "\(message)")
    }

    @Test("signatures verify against the peer id, and only for the signed bytes and key")
    func signAndVerify() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let alice = PeerIdentity.generate(), bob = PeerIdentity.generate()
        let message = Array("grapevine".utf8)
        let signature = try alice.sign(message)
        #expect(signature.count == 64)
        #expect(alice.id.verify(signature: signature, of: message))
        #expect(!alice.id.verify(signature: signature, of: Array("grapevinE".utf8)))
        #expect(!bob.id.verify(signature: signature, of: message))
        #expect(!alice.id.verify(signature: Array(signature.dropLast()), of: message))
        // The same seed is the same identity.
        let seed = [UInt8](repeating: 7, count: 32)
        #expect(try PeerIdentity(seed: seed).id == PeerIdentity(seed: seed).id)
    }
}
