import Foundation
import Publishing

/// The hubs whose hints a subscriber imports, kept beside the store in `<db>.hubs`: one peer id
/// a line, `#` starts a comment.
///
/// Hints come by mail, from anyone who knows the address; only a hub the subscriber chose can
/// put hints into the store. The list lives in a plain file beside the database (as the key
/// does) so that a mail filter can run `grapevine hints receive` with nothing but `--db`, and
/// the list can be read and edited without Grapevine.
public struct TrustedHubs: Sendable, Equatable {
    public private(set) var hubs: [PeerID]

    public init(_ hubs: [PeerID] = []) { self.hubs = hubs }

    public var set: Set<PeerID> { Set(hubs) }

    /// Where the list of the store at `databasePath` lives.
    public static func path(forDatabase databasePath: String) -> String { databasePath + ".hubs" }

    /// The list of the store at `databasePath`; empty when there is no file. Throws
    /// `HintRefusal` naming the file and line of anything that is not a peer id.
    public static func load(forDatabase databasePath: String) throws -> TrustedHubs {
        let file = path(forDatabase: databasePath)
        guard FileManager.default.fileExists(atPath: file) else { return TrustedHubs() }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw HintRefusal(source: file, reason: "cannot read the trusted hubs: \(error.localizedDescription)")
        }
        return try parse(text, source: file)
    }

    static func parse(_ text: String, source: String) throws -> TrustedHubs {
        var hubs: [PeerID] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let entry = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { continue }
            guard let id = PeerID(entry), id.description == entry.lowercased() else {
                throw HintRefusal(source: "\(source) line \(number + 1)",
                                  reason: "'\(entry)' is not a hub's peer id (52 base32 characters, as `grapevine whoami` prints on the hub)")
            }
            if !hubs.contains(id) { hubs.append(id) }
        }
        return TrustedHubs(hubs)
    }

    /// Adds `ids` to the file (creating it), keeping what is there; returns the ids that were new.
    @discardableResult
    public static func add(_ ids: [PeerID], forDatabase databasePath: String) throws -> [PeerID] {
        let current = try load(forDatabase: databasePath)
        var added: [PeerID] = []
        for id in ids where !current.hubs.contains(id) && !added.contains(id) { added.append(id) }
        guard !added.isEmpty else { return [] }
        let file = path(forDatabase: databasePath)
        var text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? "# Hubs whose Grapevine hints this store imports (grapevine hints trust).\n"
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += added.map { "\($0)\n" }.joined()
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw HintRefusal(source: file, reason: "cannot write the trusted hubs: \(error.localizedDescription)")
        }
        return added
    }
}
