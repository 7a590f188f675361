import Publishing

/// An in-memory `EnvelopeRepository` with the store's semantics: per-publisher versions, a newer
/// version of a graph replaces the older one, deltas oldest first within a byte budget and each
/// publisher's part a prefix of what it has pending.
///
/// Envelopes accepted during a round become visible to `digest` and `delta` only at `endRound()`.
/// The simulation runs the nodes of a round one after another; without this, a node that got the
/// publication early in a round could pass it on in the same round, and the measured rounds would
/// flatter the protocol compared with truly simultaneous rounds (and with the ideal model, which
/// is synchronous). Duplicates are still recognised while staged, so counts stay exact.
public actor SimulatedRepository: EnvelopeRepository {
    private var logs: [PeerID: PublisherLog]
    private var staged: [(envelope: SimulatedEnvelope, data: EnvelopeData)] = []
    private var stagedHighest: [PeerID: UInt64] = [:]

    /// Starts with `catalogue` already held (shared copy-on-write between repositories).
    public init(catalogue: [PeerID: PublisherLog] = [:]) {
        logs = catalogue
    }

    public func digest() -> Digest {
        Digest(logs.mapValues(\.highest))
    }

    public func delta(for digest: Digest, budget: Int) -> [EnvelopeData] {
        var queues = logs.compactMap { publisher, log -> ArraySlice<PublisherLog.Entry>? in
            let pending = log.pending(above: digest[publisher])
            return pending.isEmpty ? nil : pending
        }
        var delta: [EnvelopeData] = []
        var used = 0
        // Merge the publishers' queues oldest first, taking only queue heads so each publisher's
        // part stays a prefix of its pending envelopes.
        while let next = queues.indices.min(by: { Self.isOlder(Self.head(queues[$0]), than: Self.head(queues[$1])) }) {
            let entry = Self.head(queues[next])
            if !delta.isEmpty && used + entry.data.bytes.count > budget { break }
            delta.append(entry.data)
            used += entry.data.bytes.count
            queues[next] = queues[next].dropFirst()
            if queues[next].isEmpty { queues.remove(at: next) }
        }
        return delta
    }

    public func accept(_ envelopes: [EnvelopeData], from peer: PeerID) -> AcceptReport {
        var report = AcceptReport()
        for data in envelopes {
            guard let envelope = SimulatedEnvelope(data) else {
                report.invalid.append("malformed envelope or bad checksum (\(data.bytes.count) bytes)")
                continue
            }
            let held = max(logs[envelope.publisher]?.highest ?? 0, stagedHighest[envelope.publisher] ?? 0)
            guard envelope.version > held else {
                report.ignored += 1
                continue
            }
            staged.append((envelope, data))
            stagedHighest[envelope.publisher] = envelope.version
            report.accepted += 1
        }
        return report
    }

    /// Makes what arrived this round visible (see the type's comment).
    public func endRound() {
        for (envelope, data) in staged {
            logs[envelope.publisher, default: PublisherLog()].add(envelope, data: data)
        }
        staged.removeAll(keepingCapacity: true)
        stagedHighest.removeAll(keepingCapacity: true)
    }

    /// Publishes (or replaces) `graph` as `publisher`, visible at once, as a local publication is.
    @discardableResult
    public func publish(as publisher: PeerID, graph: UInt32, issued: UInt64, size: Int = 512) -> SimulatedEnvelope {
        let version = max(logs[publisher]?.highest ?? 0, stagedHighest[publisher] ?? 0) + 1
        let envelope = SimulatedEnvelope(publisher: publisher, version: version, graph: graph, issued: issued, size: size)
        logs[publisher, default: PublisherLog()].add(envelope, data: envelope.encoded())
        return envelope
    }

    /// The live version of a graph, as far as `digest` and `delta` can see.
    public func liveVersion(of graph: UInt32, by publisher: PeerID) -> UInt64? {
        logs[publisher]?.liveVersion(of: graph)
    }

    /// Live envelopes held, staged ones excluded.
    public var envelopeCount: Int {
        logs.values.reduce(0) { $0 + $1.entries.count }
    }

    /// Queues in a delta merge are never empty: an emptied one is removed at once.
    private static func head(_ queue: ArraySlice<PublisherLog.Entry>) -> PublisherLog.Entry {
        queue[queue.startIndex]
    }

    private static func isOlder(_ a: PublisherLog.Entry, than b: PublisherLog.Entry) -> Bool {
        (a.envelope.issued, a.envelope.publisher, a.envelope.version) < (b.envelope.issued, b.envelope.publisher, b.envelope.version)
    }
}
