import Foundation
import GRDB
import Mail
import Publishing
import RDF
import RedRover
import Store

/// A subscriber's store in a temporary folder, and hint mails rendered by the Mail module.
final class SubscriberFixture {
    let folder: String
    let store: QuadStore
    var path: String { folder + "/subscriber.sqlite" }

    init() throws {
        folder = NSTemporaryDirectory() + "grapevine-receiving-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try QuadStore(path: folder + "/subscriber.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static let hubAddress = try! MailAddress("hub@hints.example.org", name: "Red Rover hub")
    static let ann = try! MailAddress("ann@reader.example.net")

    /// A hints mail as the hub sends it: a readable list and the signed block, rendered to bytes.
    static func mail(_ block: HintBlock, messageID: String = MailMessage.newMessageID(domain: "hints.example.org"),
                     source: String = "test message") throws -> RawMail {
        let list = block.hints.enumerated().map { "\($0.offset + 1). \($0.element.title)\n   \($0.element.url)" }
        let body = "Hello,\n\n" + list.joined(separator: "\n") + "\n\n" + block.armored
        let message = MailMessage(from: hubAddress, to: [ann], subject: "\(block.hints.count) new hints", body: body,
                                  date: block.issued, messageID: messageID)
        return RawMail(source: source, data: try message.rendered())
    }

    /// Every row of every table: equal dumps mean an unchanged store.
    func dump() throws -> String {
        try store.readSQL { db in
            var lines: [String] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }.sorted()
            }
            return lines.joined(separator: "\n")
        }
    }

    /// The URLs the hints graph of `hub` states, through the store's own export; nil when the
    /// store has no such graph.
    func graphURLs(of hub: PeerID) throws -> [String]? {
        guard try store.descriptions().contains(where: { $0.graph == HintBlock.graph(of: hub) }) else { return nil }
        var urls: [String] = []
        try store.export(graph: HintBlock.graph(of: hub)) { quad in
            if case .iri(let url) = quad.object, quad.predicate == .iri("https://w3id.org/grapevine/ns#url") { urls.append(url) }
        }
        return urls.sorted()
    }
}
