import Foundation
import Store

extension DescriptionPublisher {
    /// Retracts descriptions, all or none.
    ///
    /// With an identity, each becomes a signed retraction that the store keeps and gossip
    /// carries to every peer holding the description (returned). Without one, only unsigned
    /// descriptions can go, and they are simply removed here (nothing is returned).
    @discardableResult
    public func retract(_ graphs: [String], expires: Date? = nil) throws -> [RetractionRecord] {
        guard let identity else {
            let known = Dictionary(try store.descriptions().map { ($0.graph, $0.publisher) }, uniquingKeysWith: { first, _ in first })
            // Check them all first, so a typo or a signed description in the third name retracts nothing.
            for graph in graphs {
                guard let publisher = known[graph] else { throw StoreError.noSuchGraph(graph) }
                if publisher != nil { throw StoreError.graphOwnedByPublisher(graph: graph, publisher: publisher) }
            }
            for graph in graphs { try store.retract(graph: graph) }
            return []
        }
        let issued = UTCTimestamp.wholeSeconds(Date())
        let signer = LocalSigner(publisher: identity.id.description) { seal in
            try EnvelopeHeader.sign(graph: seal.graph, version: seal.version, issued: seal.issued, expires: seal.expires,
                                    syntax: nil, length: 0, digest: Envelope.emptyBodyDigest, by: identity).bytes
        }
        return try store.retract(graphs, by: signer, issued: issued, expires: expires.map(UTCTimestamp.wholeSeconds))
    }
}
