import Foundation
import Logging
import Publishing
import Store

/// The envelope repository of a node: its SQLite store, written through the publishing pipeline
/// so that a description from a peer is parsed and checked exactly like one published here.
public struct StoreEnvelopeRepository: EnvelopeRepository {
    public let store: QuadStore
    public let publisher: DescriptionPublisher
    /// Publishers whose envelopes are stored; empty trusts every publisher.
    public let trust: Set<PeerID>
    /// Envelopes larger than this (head and body) are refused as invalid.
    public let maxEnvelopeBytes: Int
    /// The clock expiry is judged by.
    private let now: @Sendable () -> Date
    /// Where envelopes that are not stored are reported (the engine reports invalid ones).
    private let logger: Logger?

    /// - Parameter publisher: publishes into `store` (the node's publisher, with its identity).
    public init(store: QuadStore, publisher: DescriptionPublisher, trust: Set<PeerID> = [],
                maxEnvelopeBytes: Int = Envelope.defaultMaxBytes, now: @escaping @Sendable () -> Date = { Date() },
                logger: Logger? = nil) {
        precondition(publisher.store === store, "the publisher must write to the repository's store")
        self.store = store
        self.publisher = publisher
        self.trust = trust
        self.maxEnvelopeBytes = maxEnvelopeBytes
        self.now = now
        self.logger = logger
    }

    public func digest() async throws -> Digest {
        let store = store
        return try await StoreWork.run {
            var digest = Digest()
            for (publisher, version) in try store.publisherVersions() {
                if let id = PeerID(publisher) { digest.versions[id] = UInt64(version) }
            }
            return digest
        }
    }

    public func delta(for digest: Digest, budget: Int) async throws -> [EnvelopeData] {
        let store = store
        return try await StoreWork.run {
            var lists: [[EnvelopeListing]] = []
            for (publisher, version) in try store.publisherVersions().sorted(by: { $0.key < $1.key }) {
                guard let id = PeerID(publisher) else { continue }
                let theirs = Int(clamping: digest[id])
                guard version > theirs else { continue }
                let pending = try store.pendingEnvelopes(publisher: publisher, above: theirs, byteBudget: budget)
                if !pending.isEmpty { lists.append(pending) }
            }
            let chosen = DeltaSelection.choose(from: lists, budget: budget)
            // Read in one transaction; one replaced or purged since it was listed ends its
            // publisher's part there, which keeps that part a prefix.
            var cut: Set<String> = []
            var envelopes: [EnvelopeData] = []
            for (listing, bytes) in zip(chosen, try store.envelopes(chosen)) where !cut.contains(listing.publisher) {
                guard let bytes else {
                    cut.insert(listing.publisher)
                    continue
                }
                envelopes.append(EnvelopeData(bytes))
            }
            return envelopes
        }
    }

    public func accept(_ envelopes: [EnvelopeData], from peer: PeerID) async throws -> AcceptReport {
        let (publisher, trust, limit, now, logger) = (publisher, trust, maxEnvelopeBytes, now, logger)
        return try await StoreWork.run {
            var report = AcceptReport()
            for envelope in envelopes {
                switch try publisher.accept(envelope.bytes, from: peer, trust: trust, maxBytes: limit, now: now()) {
                case .accepted: report.accepted += 1
                case .ignored(let header, let reason):
                    // Not the sender's fault (a replay, a race, a policy), but worth a line: a
                    // replayed old version or another key's envelope for an owned graph shows here.
                    logger?.notice("gossip: ignored <\(header.graph)> v\(header.version) by \(header.publisher) from peer \(peer): \(reason)")
                    report.ignored += 1
                case .invalid(let reason): report.invalid.append(reason)
                }
            }
            return report
        }
    }

    /// Removes expired descriptions and retractions (for the node's periodic housekeeping).
    @discardableResult
    public func purgeExpired() async throws -> PurgeReport {
        let (store, now) = (store, now)
        return try await StoreWork.run { try store.purgeExpired(now: now()) }
    }
}
