import Foundation
import GRDB
import Testing

/// Runs a tool other than grapevine (openssl) and returns its status and output.
private func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("Identities: init, whoami, signed publish and retract")
struct IdentityCommandTests {
    @Test("init creates an owner-only key and prints the id; whoami prints it again; a second init is refused")
    func initAndWhoami() throws {
        let workspace = try Workspace()
        let keyFile = workspace.db + ".key"
        let created = try grapevine(["init", "--db", workspace.db])
        #expect(created.status == 0, "\(created.stderr)")
        let id = created.output.trimmingCharacters(in: .newlines)
        #expect(id.count == 52 && id == id.lowercased())
        #expect(created.stderr.contains(keyFile))
        let permissions = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o600)
        #expect(try grapevine(["whoami", "--db", workspace.db]).output == id + "\n")

        let key = try Data(contentsOf: URL(fileURLWithPath: keyFile))
        let again = try grapevine(["init", "--db", workspace.db])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists in \(keyFile)"), "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: keyFile)) == key)
    }

    @Test("whoami without an identity says how to make one")
    func whoamiWithoutIdentity() throws {
        let workspace = try Workspace()
        let result = try grapevine(["whoami", "--db", workspace.db])
        #expect(result.status == 1)
        #expect(result.stderr == "grapevine: no identity for \(workspace.db); run grapevine init\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.db + ".key"))
    }

    @Test("publish creates the identity on first use and signs: openssl verifies the stored envelope")
    func publishSigns() throws {
        let workspace = try Workspace()
        let file = sample("publishers/tarn-software.ttl")
        let first = try grapevine(["publish", "--db", workspace.db, file])
        #expect(first.status == 0, "\(first.stderr)")
        let id = try grapevine(["whoami", "--db", workspace.db]).output.trimmingCharacters(in: .newlines)
        #expect(first.stderr == "created identity \(id) in \(workspace.db).key\n")
        #expect(try grapevine(["publish", "--db", workspace.db, file]).stderr.isEmpty)
        #expect(try grapevine(["graphs", "--db", workspace.db]).output.contains("v2  ") )
        #expect(try grapevine(["graphs", "--db", workspace.db]).output.contains("publisher \(id)"))

        // The envelope head as stored, and the body from the verbatim chunks.
        let (head, body) = try DatabaseQueue(path: workspace.db).read { db -> (Data, Data) in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT id, envelope FROM descriptions"))
            let chunks = try Data.fetchAll(db, sql: "SELECT bytes FROM description_chunks WHERE description = ? ORDER BY sequence",
                                           arguments: [row["id"] as Int64])
            return (row["envelope"], chunks.reduce(Data(), +))
        }
        #expect(body == (try Data(contentsOf: URL(fileURLWithPath: file))))
        let text = String(decoding: head, as: UTF8.self)
        #expect(text.hasPrefix("grapevine-envelope/1\npublisher: \(id)\n"))
        #expect(text.contains("\nversion: 2\n") && text.contains("\nlength: \(body.count)\n"))
        let signatureLine = try #require(text.range(of: "signature: "))
        let signed = Data(text[..<signatureLine.lowerBound].utf8)
        let signature = try #require(Data(base64Encoded: String(text[signatureLine.upperBound...].prefix { $0 != "\n" })))
        let signedFile = try workspace.file("signed.bin", ""), signatureFile = try workspace.file("signature.bin", "")
        try signed.write(to: URL(fileURLWithPath: signedFile))
        try signature.write(to: URL(fileURLWithPath: signatureFile))
        let publicKey = workspace.path + "/public.pem"
        #expect(try tool("openssl", ["pkey", "-in", workspace.db + ".key", "-pubout", "-out", publicKey]).status == 0)
        let verified = try tool("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-rawin",
                                            "-in", signedFile, "-sigfile", signatureFile])
        #expect(verified.status == 0, "\(verified.output)")
        // The digest line is the body's SHA-256.
        let digest = try tool("openssl", ["dgst", "-sha256", "-r", file]).output.prefix(64)
        #expect(text.contains("\ndigest: sha256:\(digest)\n"))
    }

    @Test("--expires takes a duration or a date-time, and graphs shows it")
    func expires() throws {
        let workspace = try Workspace()
        let file = sample("publishers/tarn-software.ttl")
        #expect(try grapevine(["publish", "--db", workspace.db, "--expires", "7d", file]).status == 0)
        #expect(try grapevine(["graphs", "--db", workspace.db]).output.contains("  expires 20"))
        let bad = try grapevine(["publish", "--db", workspace.db, "--expires", "soon", file])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("duration like 90s"))
        let past = try grapevine(["publish", "--db", workspace.db, "--expires", "2001-01-01T00:00:00Z", file])
        #expect(past.status == 1)
        #expect(past.stderr.contains("expire"), "\(past.stderr)")
    }

    @Test("retract leaves a signed retraction in the store")
    func retractSigns() throws {
        let workspace = try Workspace()
        let file = sample("publishers/tarn-software.ttl")
        #expect(try grapevine(["publish", "--db", workspace.db, file]).status == 0)
        let id = try grapevine(["whoami", "--db", workspace.db]).output.trimmingCharacters(in: .newlines)
        let graph = URL(fileURLWithPath: file).standardizedFileURL.absoluteString
        let result = try grapevine(["retract", "--db", workspace.db, graph])
        #expect(result.output == "retracted <\(graph)> v2\n", "\(result.stderr)")
        let (publisher, envelope) = try DatabaseQueue(path: workspace.db).read { db -> (String?, String) in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT publisher, envelope FROM tombstones WHERE graph = ?", arguments: [graph]))
            return (row["publisher"], String(decoding: row["envelope"] as Data, as: UTF8.self))
        }
        #expect(publisher == id)
        #expect(envelope.contains("\nlength: 0\n") && !envelope.contains("syntax:"))
        #expect(try grapevine(["graphs", "--db", workspace.db]).output.isEmpty)
    }

    @Test("a key others can read stops publishing, with the fix, and changes nothing")
    func exposedKeyRefused() throws {
        let workspace = try Workspace()
        #expect(try grapevine(["publish", "--db", workspace.db, sample("publishers/tarn-software.ttl")]).status == 0)
        chmod(workspace.db + ".key", 0o644)
        let before = try workspace.dump()
        let result = try grapevine(["publish", "--db", workspace.db, sample("publishers/civic-data.nt")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("chmod 600 \(workspace.db).key"), "\(result.stderr)")
        #expect(try workspace.dump() == before)
    }
}
