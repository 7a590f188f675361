import Foundation
import Mail
import Publishing
import Store

/// The subscriber's side of Red Rover: reads a mail, checks its hints block, and imports the
/// hints into the store as the hub's hints graph.
///
/// Each message is its own transaction. A mailbox mixes mail from anyone, so a damaged, forged
/// or untrusted message is refused (and reported by name) without holding back the genuine
/// ones; what a refused message would have written is not written at all. A message without a
/// block (a hub's welcome mail, ordinary mail) is not an error: it is reported and skipped.
public struct HintReceiver: Sendable {
    public let store: QuadStore
    public let trusted: Set<PeerID>

    public init(store: QuadStore, trusting trusted: Set<PeerID>) {
        self.store = store
        self.trusted = trusted
    }

    /// Imports the hints of one message that are still valid at `now`.
    public func receive(_ raw: RawMail, now: Date = Date()) throws(HintRefusal) -> MessageReport {
        let mail: ReceivedMail
        do {
            mail = try ReceivedMail(raw)
        } catch let error as MailError where error.kind == .noText {
            return MessageReport(source: raw.source, imports: [])
        } catch let error as MailError {
            throw HintRefusal(source: raw.source, reason: error.reason + "; nothing imported")
        } catch {
            throw HintRefusal(source: raw.source, reason: "\(error); nothing imported")
        }
        let blocks: [HintBlock]
        do throws(HintBlockError) {
            blocks = try HintBlock.blocks(in: mail.text, trusting: trusted)
        } catch where error.kind == .missing {
            return MessageReport(source: raw.source, messageID: mail.messageID, imports: [])
        } catch {
            throw HintRefusal(source: raw.source, messageID: mail.messageID, reason: "\(error); nothing imported", kind: error.kind)
        }
        do {
            let imports = try store.writeSQLWithDescriptions { db, editor in
                try blocks.map(\.hub).uniqued().map { hub in
                    let hints = blocks.filter { $0.hub == hub }.flatMap(\.hints)
                    let live = hints.filter { $0.isValid(at: now) }
                    try ReceivedHintsTable.upsert(live, hub: hub, received: now, messageID: mail.messageID, in: db)
                    try ReceivedHintsTable.prune(hub: hub, now: now, in: db)
                    let current = try ReceivedHintsTable.current(hub: hub, now: now, in: db)
                    try HintsGraph.rebuild(hub: hub, hints: current, now: now, in: db, editor: editor)
                    return HubImport(hub: hub, imported: live.count, expired: hints.count - live.count, current: current.count)
                }
            }
            return MessageReport(source: raw.source, messageID: mail.messageID, imports: imports)
        } catch {
            throw HintRefusal(source: raw.source, messageID: mail.messageID, reason: "cannot store the hints: \(error); nothing imported")
        }
    }

    /// Imports each message on its own (see the type's notes), in order.
    public func receive(_ mails: [RawMail], now: Date = Date()) -> [Result<MessageReport, HintRefusal>] {
        mails.map { raw in Result { () throws(HintRefusal) in try receive(raw, now: now) } }
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
