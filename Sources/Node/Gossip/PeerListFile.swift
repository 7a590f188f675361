import Foundation
import Gossip
import Publishing

/// What the node knows of its peers, written beside the database after every round.
///
/// `grapevine peers` reads it (with or without the node running), and a restarted node rejoins
/// through the peers it knew, so it catches up without being told where the network is.
public struct PeerListFile: Sendable {
    public let path: String

    public init(databasePath: String) {
        path = databasePath + ".peers.json"
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var id: String?
        public var address: String
        public var state: String
        public var lastContact: Date?
        public var envelopesReceived: Int
        public var bytesReceived: Int
        public var invalid: Int
        public var banned: Bool
    }

    public func read() -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode([Entry].self, from: data)) ?? []
    }

    func write(_ peers: [PeerStatus]) {
        let entries = peers.map { peer in
            Entry(id: peer.id?.description, address: peer.address, state: peer.state.rawValue,
                  lastContact: peer.lastContact, envelopesReceived: peer.envelopesReceived,
                  bytesReceived: peer.bytesReceived, invalid: peer.invalidCount, banned: peer.isBanned)
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(entries) else { return }
        // Written aside and renamed, so a reader never sees half a file.
        let temporary = path + ".tmp"
        if FileManager.default.createFile(atPath: temporary, contents: data) {
            _ = rename(temporary, path)
        }
    }
}
