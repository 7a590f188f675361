import Foundation
import Mail

/// Who the hub is to its subscribers, and how widely it may scatter a location.
public struct HubSettings: Sendable {
    /// The hub's address: From of every mail, and where requests (subscribe, confirm,
    /// unsubscribe) are mailed.
    public let address: MailAddress
    /// In subjects ("3 new hints from …") and List-Id: the address's display name, else
    /// "Grapevine hints".
    public let name: String
    /// Each location is told to at most this many subscribers (k).
    public let scatter: Int

    public static let defaultScatter = 3

    public init(address: MailAddress, name: String? = nil, scatter: Int = defaultScatter) throws(HubError) {
        self.scatter = try Self.checked(scatter: scatter)
        self.name = try Self.checked(name: name ?? address.name ?? "Grapevine hints")
        self.address = address
    }

    /// A hub name as it goes into subjects and List-Id: trimmed, one line, without < or >.
    public static func checked(name: String) throws(HubError) -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: \.isNewline), !name.contains(where: { "<>".contains($0) }) else {
            throw .invalidSetting("the hub name must be one line without < or >")
        }
        return name
    }

    public static func checked(scatter: Int) throws(HubError) -> Int {
        guard scatter >= 1 else { throw .invalidSetting("the scatter must be at least 1 subscriber per location, not \(scatter)") }
        return scatter
    }

    /// `Name <grapevine-hints.DOMAIN>`: the List-Id that lets a mail client file and filter the
    /// hints (RFC 2919).
    var listID: String { "\(name) <grapevine-hints.\(address.domain)>" }

    /// The mailto: URL a List-Unsubscribe header points at: a mail to the hub whose subject is
    /// `unsubscribe TOKEN` (RFC 2369).
    func unsubscribeURL(token: String) -> String {
        "mailto:\(address.address)?subject=unsubscribe%20\(token)"
    }
}
