import Publishing

/// What receiving one message did.
public struct MessageReport: Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var messageID: String?
    /// One entry per hub whose block the message carried; empty when it carried none.
    public var imports: [HubImport]

    public init(source: String, messageID: String? = nil, imports: [HubImport]) {
        self.source = source
        self.messageID = messageID
        self.imports = imports
    }

    public var hasHints: Bool { !imports.isEmpty }

    public var description: String {
        guard hasHints else { return "\(source): no Grapevine hints block; nothing imported" }
        return "\(source): " + imports.map(\.description).joined(separator: "; ")
    }
}

/// What one hub's block in a message did to the store.
public struct HubImport: Sendable, Equatable, CustomStringConvertible {
    public var hub: PeerID
    /// Hints stored or refreshed.
    public var imported: Int
    /// Hints already expired on arrival, dropped.
    public var expired: Int
    /// The hub's current (unexpired) hints in the store afterwards: what its graph holds.
    public var current: Int

    public init(hub: PeerID, imported: Int, expired: Int, current: Int) {
        self.hub = hub
        self.imported = imported
        self.expired = expired
        self.current = current
    }

    public var description: String {
        var text = "imported \(imported) hint\(imported == 1 ? "" : "s") from hub \(hub)"
        if expired > 0 { text += " (\(expired) expired, dropped)" }
        return text + "; \(current) current"
    }
}
