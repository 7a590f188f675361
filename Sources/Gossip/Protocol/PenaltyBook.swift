import Publishing

/// Strikes and bans against misbehaving peers, by address and by id.
///
/// Kept apart from the known peers because garbage can come from a stranger, and because a ban
/// must outlive the peer's eviction from the view. Bounded: when full, forgiven records go first,
/// then the least recent offender that is not banned, then the ban that ends soonest.
struct PenaltyBook: Sendable {
    enum Offender: Hashable, Sendable {
        case address(String)
        case id(PeerID)
    }

    private struct Record: Sendable {
        var strikes = 0
        var lastStrikeRound: UInt64 = 0
        var bans = 0
        /// The last round of the current ban.
        var bannedUntil: UInt64?
    }

    private var records: [Offender: Record] = [:]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    var count: Int { records.count }

    /// The last round of a ban any of `offenders` is serving in `round`, if any.
    func bannedUntil(_ offenders: [Offender], round: UInt64) -> UInt64? {
        offenders.compactMap { records[$0]?.bannedUntil }.filter { $0 >= round }.max()
    }

    /// Adds `strikes` to each offender; returns the ban's last round when this started a ban.
    mutating func strike(_ offenders: [Offender], strikes: Int, round: UInt64, limit: Int, banRounds: Int) -> UInt64? {
        guard bannedUntil(offenders, round: round) == nil else { return nil }
        var banEnd: UInt64?
        for offender in offenders {
            if records[offender] == nil { makeRoom(round: round, banRounds: banRounds) }
            var record = records[offender] ?? Record()
            if round > record.lastStrikeRound + UInt64(banRounds) { record.strikes = 0 }
            record.strikes += strikes
            record.lastStrikeRound = round
            if record.strikes >= limit {
                record.bans += 1
                record.strikes = 0
                let length = UInt64(banRounds) << UInt64(min(record.bans - 1, 3))
                record.bannedUntil = round + length
                banEnd = max(banEnd ?? 0, round + length)
            }
            records[offender] = record
        }
        return banEnd
    }

    private mutating func makeRoom(round: UInt64, banRounds: Int) {
        guard records.count >= capacity else { return }
        records = records.filter { _, record in
            (record.bannedUntil ?? 0) >= round || round <= record.lastStrikeRound + UInt64(banRounds)
        }
        guard records.count >= capacity else { return }
        let unbanned = records.filter { ($0.value.bannedUntil ?? 0) < round }
        if let oldest = unbanned.min(by: { $0.value.lastStrikeRound < $1.value.lastStrikeRound }) {
            records[oldest.key] = nil
        } else if let soonest = records.min(by: { ($0.value.bannedUntil ?? 0) < ($1.value.bannedUntil ?? 0) }) {
            records[soonest.key] = nil
        }
    }
}
