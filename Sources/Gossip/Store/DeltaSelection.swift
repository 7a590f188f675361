import Store

/// Chooses what to send a partner from each publisher's pending envelopes.
///
/// The lists are merged oldest-issued first (so what was published first spreads first), and
/// the merge stops at the first envelope that would go past the budget; the first envelope
/// always goes, so one larger than the budget still moves. Each list is consumed from its front,
/// so what is chosen of a publisher is a prefix of its version order: the partner's digest
/// (highest version received) then never claims a version it skipped.
enum DeltaSelection {
    static func choose(from lists: [[EnvelopeListing]], budget: Int) -> [EnvelopeListing] {
        var next = Array(repeating: 0, count: lists.count)
        var chosen: [EnvelopeListing] = []
        var total = 0
        while true {
            var oldest: Int?
            for index in lists.indices where next[index] < lists[index].count {
                if let best = oldest, !precedes(lists[index][next[index]], lists[best][next[best]]) { continue }
                oldest = index
            }
            guard let list = oldest else { break }
            let candidate = lists[list][next[list]]
            if !chosen.isEmpty && total + candidate.byteCount > budget { break }
            chosen.append(candidate)
            total += candidate.byteCount
            next[list] += 1
        }
        return chosen
    }

    /// Oldest issued first; ties broken by publisher and version so the order is the same on
    /// every run.
    private static func precedes(_ a: EnvelopeListing, _ b: EnvelopeListing) -> Bool {
        (a.issued, a.publisher, a.version) < (b.issued, b.publisher, b.version)
    }
}
