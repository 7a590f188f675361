import Publishing

/// One publisher's envelopes as a repository holds them: the live ones in version order and the
/// highest version ever seen (superseded versions leave gaps but still count, so a partner never
/// sends them again).
public struct PublisherLog: Sendable {
    public struct Entry: Sendable {
        public var envelope: SimulatedEnvelope
        public var data: EnvelopeData
    }

    public private(set) var entries: [Entry] = []
    public private(set) var highest: UInt64 = 0
    /// The live version of each graph, so a newer one can replace it.
    private var liveVersionByGraph: [UInt32: UInt64] = [:]

    public init() {}

    /// Adds an envelope newer than everything held; false (and no change) otherwise.
    @discardableResult
    public mutating func add(_ envelope: SimulatedEnvelope, data: EnvelopeData) -> Bool {
        guard envelope.version > highest else { return false }
        if let replaced = liveVersionByGraph[envelope.graph], let index = position(of: replaced) {
            entries.remove(at: index)
        }
        entries.append(Entry(envelope: envelope, data: data))
        liveVersionByGraph[envelope.graph] = envelope.version
        highest = envelope.version
        return true
    }

    /// The live envelopes above `version`, oldest version first.
    public func pending(above version: UInt64) -> ArraySlice<Entry> {
        guard version < highest else { return [] }
        return entries[firstIndex(above: version)...]
    }

    /// The live version of `graph`, if any.
    public func liveVersion(of graph: UInt32) -> UInt64? {
        liveVersionByGraph[graph]
    }

    private func position(of version: UInt64) -> Int? {
        guard version > 0 else { return nil }
        let index = firstIndex(above: version - 1)
        return index < entries.count && entries[index].envelope.version == version ? index : nil
    }

    /// Binary search: entries are sorted by version.
    private func firstIndex(above version: UInt64) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].envelope.version <= version { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
