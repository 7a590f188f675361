import Foundation
import RDFSyntax
import Store

extension DescriptionPublisher {
    /// Checks and stores one envelope that arrived from a peer.
    ///
    /// In order: size, head, body length and digest, signature (any failure: invalid, nothing
    /// changed); then trust and expiry (ignored); then the store's rules for the graph (a graph
    /// of another publisher or an older version: ignored) and, for a description, the same parse
    /// and shapes as any publication (failure: invalid, nothing changed).
    ///
    /// When a correctly signed envelope is ignored, its publisher's high-water mark is still
    /// raised, so the partners that keep offering it learn from the digest that it is not needed.
    /// Throws only when the store itself fails.
    public func accept(_ bytes: [UInt8], from peer: PeerID? = nil, trust: Set<PeerID> = [],
                       maxBytes: Int = Envelope.defaultMaxBytes, now: Date = Date()) throws -> AcceptOutcome {
        func named(_ reason: String) -> String {
            guard let header = try? EnvelopeHeader.parse(bytes).header else { return reason }
            return "\(Self.name(header)): \(reason)"
        }
        if bytes.count > maxBytes {
            return .invalid(named("the envelope is \(bytes.count) bytes, over the limit of \(maxBytes)"))
        }
        let envelope: Envelope
        do {
            envelope = try Envelope.verified(bytes)
        } catch {
            return .invalid(named(error.description))
        }
        let header = envelope.header
        let publisher = header.publisher.description
        if !trust.isEmpty && !trust.contains(header.publisher) {
            try store.notePublisherVersion(publisher, version: header.version)
            return .ignored(header, .untrusted)
        }
        if let expires = header.expires, expires <= now {
            try store.notePublisherVersion(publisher, version: header.version)
            return .ignored(header, .expired)
        }
        do {
            if header.isRetraction {
                try store.apply(ReceivedRetraction(graph: header.graph, publisher: publisher, version: header.version,
                                                   issued: header.issued, expires: header.expires, envelope: bytes))
            } else {
                try store.publish([receivedDescription(envelope, from: peer)])
            }
            return .accepted(header)
        } catch let error as StoreError {
            switch error {
            case .staleVersion(_, let held, _):
                return .ignored(header, .notNewer(held: held))
            case .graphOwnedByPublisher, .graphOwnedByAnotherDescription:
                try store.notePublisherVersion(publisher, version: header.version)
                return .ignored(header, .ownedElsewhere(error.description))
            case .noSuchGraph, .incompatibleDatabase:
                throw error
            }
        } catch let error as RDFSyntaxError {
            return .invalid("\(Self.name(header)): \(error)")
        } catch let error as RulesViolated {
            return .invalid("\(Self.name(header)): \(error)")
        }
    }

    /// A received description: parsed with the envelope's syntax and base, kept with its head.
    private func receivedDescription(_ envelope: Envelope, from peer: PeerID?) -> PendingDescription {
        let header = envelope.header
        let source = DocumentSource.bytes(Array(envelope.body), name: "peer \(peer ?? header.publisher)")
        let stored = DescriptionHeader(graph: header.graph, source: source.name, syntax: header.syntax?.rawValue ?? "",
                                       issued: header.issued, expires: header.expires,
                                       origin: .received(publisher: header.publisher.description, version: header.version,
                                                         envelope: Array(envelope.head)))
        return pendingDescription(source, parse: ParseOptions(syntax: header.syntax, baseIRI: header.effectiveBase, maxBytes: header.length),
                                  validate: true, header: stored, size: header.length, progress: nil)
    }

    /// How messages name an envelope.
    static func name(_ header: EnvelopeHeader) -> String {
        "publisher \(header.publisher) graph <\(header.graph)> version \(header.version)"
    }
}
