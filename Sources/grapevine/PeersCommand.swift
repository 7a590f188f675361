import ArgumentParser
import Foundation
import Node

struct PeersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peers",
        abstract: "List the peers a node knows: state, last contact, and what each has sent.",
        discussion: """
            A running node (`grapevine serve`) writes what it knows of its peers beside its \
            database after every gossip round (DB.peers.json); this command reads it, so it works \
            while the node runs and after it stopped.

            States: alive (answered last time), suspect (missed a contact; still tried), dead \
            (missed several; retried after a growing back-off). A banned peer sent invalid data \
            too often and is not contacted, nor answered, for a while.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let file = PeerListFile(databasePath: store.path)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw fail(ValidationFailure("no peers known for \(store.path): start the node with `grapevine serve --db \(store.path) --peer URL`"))
        }
        let peers = file.read()
        if json {
            print(String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: file.path))) ?? Data("[]".utf8), as: UTF8.self))
            return
        }
        if peers.isEmpty {
            print("no peers known yet")
            return
        }
        let rows = peers.map { peer -> [String] in
            [peer.banned ? "banned" : peer.state, peer.address, peer.id.map { String($0.prefix(12)) + "…" } ?? "(not yet answered)",
             peer.lastContact.map(Self.ago) ?? "never", "\(peer.envelopesReceived)", Self.bytes(peer.bytesReceived), "\(peer.invalid)"]
        }
        let header = ["STATE", "ADDRESS", "PEER", "LAST CONTACT", "ENVELOPES", "BYTES", "INVALID"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }

    private static func ago(_ date: Date) -> String {
        let seconds = max(0, Int(Date().timeIntervalSince(date)))
        if seconds < 120 { return "\(seconds)s ago" }
        if seconds < 7200 { return "\(seconds / 60)m ago" }
        return "\(seconds / 3600)h ago"
    }

    private static func bytes(_ count: Int) -> String {
        count < 10_000 ? "\(count) B" : count < 10_000_000 ? "\(count / 1024) KiB" : "\(count >> 20) MiB"
    }
}

/// A refusal worth one line and exit status 1.
struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
