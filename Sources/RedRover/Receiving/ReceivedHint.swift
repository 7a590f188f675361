import Foundation
import Publishing
import Store

/// A hint as a subscriber's store keeps it: which hub told it, when, in which mail.
public struct ReceivedHint: Sendable, Equatable {
    public var hub: PeerID
    public var hint: Hint
    public var received: Date
    public var messageID: String?

    public init(hub: PeerID, hint: Hint, received: Date, messageID: String?) {
        self.hub = hub
        self.hint = hint
        self.received = received
        self.messageID = messageID
    }

    /// The hints in `store` still valid at `now`, soonest to expire first (then by URL).
    public static func current(in store: QuadStore, now: Date = Date()) throws -> [ReceivedHint] {
        try store.readSQL { db in try ReceivedHintsTable.current(hub: nil, now: now, in: db) }
    }
}
