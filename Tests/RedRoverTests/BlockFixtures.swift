import Foundation
import Publishing
import RedRover

/// Hubs and hints shared by the block and receiving tests: fixed keys and times, so a failure
/// reproduces byte for byte.
enum BlockFixtures {
    static let hub = try! PeerIdentity(seed: [UInt8](repeating: 7, count: 32))
    static let otherHub = try! PeerIdentity(seed: [UInt8](repeating: 9, count: 32))
    static let issued = Date(timeIntervalSince1970: 1_790_000_000)

    static let hints = [
        Hint(resource: "https://catalogue.example.org/r/delta", title: "Field recordings of the Danube delta",
             url: "https://peer-17.example.org/r/delta.ogg", validUntil: issued.addingTimeInterval(86_400)),
        Hint(resource: "https://catalogue.example.org/r/maps", title: "Carte des rivières — 1790 \"draft\"",
             url: "https://mirror.example.net/maps.pdf?x=1&y=2", location: "https://catalogue.example.org/l/maps-1",
             validUntil: issued.addingTimeInterval(3_600)),
        Hint(resource: "https://catalogue.example.org/r/delta", title: "Field recordings of the Danube delta",
             url: "ftp://ftp.example.com/pub/delta.flac", validUntil: issued.addingTimeInterval(7_200)),
    ]

    static func block(_ hints: [Hint] = hints, by hub: PeerIdentity = hub, issued: Date = issued) throws -> HintBlock {
        try HintBlock.sign(hints, issued: issued, by: hub)
    }

    /// A mail text around a block, as the hub writes it.
    static func mailText(_ armored: String) -> String {
        """
        Hello,

        1. Field recordings of the Danube delta
           https://peer-17.example.org/r/delta.ogg

        \(armored)
        """
    }

    /// The base64 lines of an armored block and where each starts in the text.
    static func base64Lines(of armored: String) -> [Substring] {
        armored.split(separator: "\n").filter { !$0.hasPrefix("-----") }
    }
}
