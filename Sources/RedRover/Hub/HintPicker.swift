/// Chooses one subscriber's hints under scattering: the heart of the distributor.
///
/// A location is a candidate when it is offerable now (in the catalogue), not blocked, not
/// already told to this subscriber, and told to fewer than `scatter` subscribers so far. A
/// resource is skipped while the subscriber still knows a live location of it, so nobody
/// collects many locations of one resource: a new one comes when the old one expires or is
/// blocked. Of each resource's candidates the least exposed is taken, and of those the least
/// exposed overall, so locations nobody has been told yet go first and exposure spreads evenly.
/// Ties are broken at random, per subscriber (the run's seed salted with the subscriber's id):
/// one order for everybody would hand the same ten locations to every third subscriber, and
/// subscribers with identical knowledge cannot be told apart when a location is blocked.
struct HintPicker {
    let catalogue: HintCatalogue
    let scatter: Int
    let seed: RunSeed

    /// What the exposure log says, kept current in memory during a run.
    struct Exposure {
        /// Subscribers told each location, by URL.
        var counts: [String: Int]
        var blocked: Set<String>
    }

    /// Up to `limit` hints for `subscriber`, who asks for `resources` and has been told `known`
    /// (URL → resource), best first.
    ///
    /// `resources` is walked from a point drawn for this subscriber, wrapping around; the walk
    /// stops once `limit` never-told locations are in hand, since nothing can rank before them.
    /// With the list in a random order (see `ResourceOrder`), that is a random pick among the
    /// never-told locations, without visiting a catalogue of 100,000 resources per subscriber.
    func pick<Resources: RandomAccessCollection<String>>(for subscriber: Int64, resources: Resources, known: [String: String],
                                                      exposure: Exposure, limit: Int) -> [Hint] where Resources.Index == Int {
        guard !resources.isEmpty, limit > 0 else { return [] }
        var covered = Set<String>()
        for (url, resource) in known where catalogue.hintsByURL[url] != nil && !exposure.blocked.contains(url) {
            covered.insert(resource)
        }
        var best: [(count: Int, rank: UInt64, hint: Hint)] = []
        var fresh = 0
        let start = Int(seed.rank("start", salt: subscriber) % UInt64(resources.count))
        for step in 0..<resources.count where fresh < limit {
            let resource = resources[resources.startIndex + (start + step) % resources.count]
            guard !covered.contains(resource), let hints = catalogue.hintsByResource[resource] else { continue }
            var choice: (count: Int, rank: UInt64, hint: Hint)?
            for hint in hints where known[hint.url] == nil && !exposure.blocked.contains(hint.url) {
                let count = exposure.counts[hint.url] ?? 0
                guard count < scatter else { continue }
                let candidate = (count: count, rank: seed.rank(hint.url, salt: subscriber), hint: hint)
                if choice.map({ Self.precedes(candidate, $0) }) ?? true { choice = candidate }
            }
            if let choice {
                best.append(choice)
                if choice.count == 0 { fresh += 1 }
            }
        }
        return Array(best.sorted(by: Self.precedes).prefix(limit)).map(\.hint)
    }

    private static func precedes(_ a: (count: Int, rank: UInt64, hint: Hint), _ b: (count: Int, rank: UInt64, hint: Hint)) -> Bool {
        (a.count, a.rank, a.hint.url) < (b.count, b.rank, b.hint.url)
    }
}
