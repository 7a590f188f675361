import Crypto
import Foundation
import GRDB
import Publishing
import RDF
import Store

/// A hub's hints as a description in the subscriber's store (graph `urn:grapevine:hints:<hub>`),
/// so `grapevine query` and the web page find them like any other resource.
///
/// The graph is rebuilt from the hub's current rows after every import rather than patched:
/// it then holds exactly the unexpired hints, whatever order the mails came in. It is an
/// unsigned description: it is this subscriber's own summary of many mails, not something the
/// hub signed, and so it is never passed on to peers — hints reach only whom the hub chose.
enum HintsGraph {
    /// Replaces the graph of `hub` with `hints`, removes it when there are none, and leaves it
    /// alone when it already holds exactly these hints (same body digest).
    static func rebuild(hub: PeerID, hints: [ReceivedHint], now: Date, in db: Database, editor: DescriptionEditor) throws {
        let graph = HintBlock.graph(of: hub)
        guard !hints.isEmpty else {
            try editor.remove(graph: graph)
            return
        }
        let triples = HintTriples.triples(hints.map(\.hint))
        let body = Array(triples.map { $0.ntriples + "\n" }.joined().utf8)
        let digest = "sha256:" + SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        let held = try String.fetchOne(db, sql: "SELECT digest FROM descriptions WHERE graph = ?", arguments: [graph])
        guard held != digest else { return }
        let header = DescriptionHeader(graph: graph, source: "hints mailed by hub \(hub)", syntax: "ntriples",
                                       issued: HintTime.wholeSeconds(now), expires: hints.map(\.hint.validUntil).max(),
                                       origin: .unsigned)
        try editor.publish(PendingDescription(header: header, load: { writer in
            try writer.add(triples.map { Quad($0) })
            try body.withUnsafeBytes { try writer.appendBody($0) }
            writer.digest = digest
        }))
    }
}
