import Foundation
import Publishing

/// The peers this peer knows, what it believes of each, and whom to talk to next.
///
/// Peers are keyed by address, because a seed from the command line has no id until it answers.
/// The view is bounded (`maxKnownPeers`): a new peer replaces a dead one if there is one, else a
/// random one that is not a seed. That keeps memory flat at any network size and keeps the view
/// a fresh random sample of the network, which is what makes random partner choice spread news
/// as fast as on a fully known network. Time is counted in rounds, which the owner advances.
public struct Membership: Sendable {
    public let me: PeerRecord
    public let configuration: GossipConfiguration
    public private(set) var round: UInt64 = 0

    private var peers: [KnownPeer] = []
    private var indexByAddress: [String: Int] = [:]
    private var addressByID: [PeerID: String] = [:]
    private var deadCount = 0
    private var penalties: PenaltyBook
    /// Other names under which this peer reached itself (a seed list that includes it).
    private var ownAliases: Set<String> = []
    private var random: SeededRandom

    public init(me: PeerRecord, configuration: GossipConfiguration = GossipConfiguration(), random: SeededRandom = SeededRandom()) {
        self.me = me
        self.configuration = configuration
        self.random = random
        penalties = PenaltyBook(capacity: max(configuration.maxKnownPeers, 16))
    }

    public var count: Int { peers.count }

    public mutating func advanceRound() {
        round += 1
    }

    // MARK: Learning

    /// Peers given by the operator (or remembered from the last run): tried like any other but
    /// never evicted or forgotten.
    public mutating func addSeed(_ address: String) {
        guard !address.isEmpty, address != me.address, !ownAliases.contains(address) else { return }
        if let index = indexByAddress[address] {
            peers[index].isSeed = true
        } else if let index = insert(KnownPeer(address: address)) {
            peers[index].isSeed = true
        }
    }

    /// Adds peers named in a sample. A sample is hearsay: it never changes what is known of a
    /// peer already in the view, and an id already known under another address is ignored.
    public mutating func learn(_ records: some Sequence<PeerRecord>) {
        for record in records where !isMe(record) {
            guard indexByAddress[record.address] == nil, addressByID[record.id] == nil else { continue }
            if let index = insert(KnownPeer(address: record.address, id: record.id)) {
                addressByID[record.id] = peers[index].address
            }
        }
    }

    /// The peer contacted this one: it is alive, and this is its id and address.
    public mutating func heardFrom(_ sender: PeerRecord, at date: Date) {
        guard !isMe(sender) else { return }
        guard let index = indexByAddress[sender.address] ?? insert(KnownPeer(address: sender.address)) else { return }
        markAlive(bind(sender.id, to: index), at: date)
    }

    // MARK: Failure detection

    /// The peer at `address` answered as `id`.
    public mutating func contactSucceeded(address: String, id: PeerID, at date: Date) {
        if id == me.id {
            forgetOwnAlias(address)
            return
        }
        // The peer may have been evicted while the exchange was in flight; it has earned a place.
        guard let index = indexByAddress[address] ?? insert(KnownPeer(address: address)) else { return }
        markAlive(bind(id, to: index), at: date)
    }

    /// Contacting the peer at `address` failed: suspect, then dead, then retried after a back-off
    /// that doubles with every failed retry, and finally forgotten.
    public mutating func contactFailed(address: String) {
        guard let index = indexByAddress[address] else { return }
        peers[index].consecutiveFailures += 1
        let failures = peers[index].consecutiveFailures
        if peers[index].state == .dead {
            peers[index].deadRetries += 1
            if peers[index].deadRetries > configuration.forgetDeadAfterRetries && !peers[index].isSeed {
                remove(at: index)
            } else {
                peers[index].retryRound = round + backoff(afterRetries: peers[index].deadRetries)
            }
        } else if failures >= configuration.deadAfterFailures {
            setState(.dead, at: index)
            peers[index].deadRetries = 0
            peers[index].retryRound = round + backoff(afterRetries: 0)
        } else if failures >= configuration.suspectAfterFailures {
            setState(.suspect, at: index)
        }
    }

    /// Counts what arrived from a peer, for display.
    public mutating func received(envelopes: Int, bytes: Int, from address: String) {
        guard let index = indexByAddress[address] else { return }
        peers[index].envelopesReceived += envelopes
        peers[index].bytesReceived += bytes
    }

    // MARK: Penalties

    /// Counts `strikes` (invalid envelopes, undecodable messages) against a peer known by address,
    /// id or both. Returns the ban's last round when this started a ban.
    @discardableResult
    public mutating func penalize(address: String?, id: PeerID?, strikes: Int = 1) -> UInt64? {
        for index in indices(address: address, id: id) {
            peers[index].invalidCount += strikes
        }
        return penalties.strike(offenders(address: address, id: id), strikes: strikes, round: round,
                                limit: configuration.invalidLimit, banRounds: configuration.banRounds)
    }

    /// The last round of the peer's ban, while it is banned.
    public func bannedUntil(address: String?, id: PeerID?) -> UInt64? {
        guard penalties.count > 0 else { return nil }
        var offenders = offenders(address: address, id: id)
        // A ban earned under one name holds under the other names the view knows for the peer.
        for index in indices(address: address, id: id) {
            offenders += self.offenders(address: peers[index].address, id: peers[index].id)
        }
        return penalties.bannedUntil(offenders, round: round)
    }

    // MARK: Choosing

    /// A partner for this round, uniformly at random among the peers that may be contacted
    /// (not banned, and not dead unless their back-off is over).
    public mutating func choosePartner() -> String? {
        guard !peers.isEmpty else { return nil }
        // Rejection sampling is uniform over the contactable peers and usually succeeds at once.
        for _ in 0..<8 {
            let index = Int.random(in: 0..<peers.count, using: &random)
            if isContactable(index) { return peers[index].address }
        }
        let candidates = peers.indices.filter(isContactable)
        return candidates.randomElement(using: &random).map { peers[$0].address }
    }

    /// Up to `count` peers to name in a message: verified, alive, not banned, not `excluded`.
    public mutating func sample(_ count: Int, excluding excluded: String? = nil) -> [PeerRecord] {
        guard count > 0, !peers.isEmpty else { return [] }
        var chosen: [Int] = []
        if peers.count <= count * 4 {
            chosen = Array(peers.indices.filter { isShareable($0, excluding: excluded) }.shuffled(using: &random).prefix(count))
        } else {
            var seen: Set<Int> = []
            for _ in 0..<(count * 4) where chosen.count < count {
                let index = Int.random(in: 0..<peers.count, using: &random)
                if seen.insert(index).inserted && isShareable(index, excluding: excluded) { chosen.append(index) }
            }
        }
        return chosen.compactMap { index in peers[index].id.map { PeerRecord(id: $0, address: peers[index].address) } }
    }

    // MARK: Display

    public func status(of address: String) -> PeerStatus? {
        indexByAddress[address].map(status(at:))
    }

    /// Every known peer, sorted by address.
    public func statuses() -> [PeerStatus] {
        peers.indices.map(status(at:)).sorted { $0.address < $1.address }
    }

    // MARK: Internals

    private func isMe(_ record: PeerRecord) -> Bool {
        record.id == me.id || record.address == me.address || ownAliases.contains(record.address)
    }

    private func isContactable(_ index: Int) -> Bool {
        peers[index].isContactable(in: round) && bannedUntil(address: peers[index].address, id: peers[index].id) == nil
    }

    private func isShareable(_ index: Int, excluding excluded: String?) -> Bool {
        peers[index].verified && peers[index].state == .alive && peers[index].id != nil && peers[index].address != excluded
            && bannedUntil(address: peers[index].address, id: peers[index].id) == nil
    }

    private func backoff(afterRetries retries: Int) -> UInt64 {
        let base = UInt64(max(configuration.deadBackoffBaseRounds, 1))
        return min(base << UInt64(min(retries, 32)), UInt64(max(configuration.deadBackoffCapRounds, 1)))
    }

    private func offenders(address: String?, id: PeerID?) -> [PenaltyBook.Offender] {
        [address.map(PenaltyBook.Offender.address), id.map(PenaltyBook.Offender.id)].compactMap { $0 }
    }

    private func indices(address: String?, id: PeerID?) -> [Int] {
        let byAddress = address.flatMap { indexByAddress[$0] }
        let byID = id.flatMap { addressByID[$0] }.flatMap { indexByAddress[$0] }
        return Array(Set([byAddress, byID].compactMap { $0 }))
    }

    private func status(at index: Int) -> PeerStatus {
        let peer = peers[index]
        return PeerStatus(address: peer.address, id: peer.id, state: peer.state, lastContact: peer.lastContact,
                          consecutiveFailures: peer.consecutiveFailures,
                          retryRound: peer.state == .dead ? peer.retryRound : nil,
                          envelopesReceived: peer.envelopesReceived, bytesReceived: peer.bytesReceived,
                          invalidCount: peer.invalidCount,
                          bannedUntilRound: bannedUntil(address: peer.address, id: peer.id), isSeed: peer.isSeed)
    }

    private mutating func markAlive(_ index: Int, at date: Date) {
        setState(.alive, at: index)
        peers[index].verified = true
        peers[index].consecutiveFailures = 0
        peers[index].deadRetries = 0
        peers[index].lastContact = date
    }

    private mutating func setState(_ state: PeerState, at index: Int) {
        if peers[index].state == .dead { deadCount -= 1 }
        if state == .dead { deadCount += 1 }
        peers[index].state = state
    }

    /// Records that the peer at `index` is `id`; a peer has one entry, so an older entry for the
    /// same id under another address (a seed spelled differently, a peer that moved) is merged
    /// into this one. Returns the entry's index, which the merge may have moved.
    private mutating func bind(_ id: PeerID, to index: Int) -> Int {
        let address = peers[index].address
        if let previous = peers[index].id, previous != id, addressByID[previous] == address {
            addressByID[previous] = nil
        }
        var current = index
        if let other = addressByID[id], other != address, let otherIndex = indexByAddress[other] {
            let wasSeed = peers[otherIndex].isSeed
            remove(at: otherIndex)
            current = indexByAddress[address] ?? current
            peers[current].isSeed = peers[current].isSeed || wasSeed
        }
        peers[current].id = id
        addressByID[id] = address
        return current
    }

    /// Inserts a peer, making room if the view is full; nil if nothing can be evicted.
    private mutating func insert(_ peer: KnownPeer) -> Int? {
        if peers.count >= max(configuration.maxKnownPeers, 1) {
            guard let victim = evictionCandidate() else { return nil }
            remove(at: victim)
        }
        peers.append(peer)
        indexByAddress[peer.address] = peers.count - 1
        return peers.count - 1
    }

    private mutating func evictionCandidate() -> Int? {
        if deadCount > 0 {
            let dead = peers.indices.filter { peers[$0].state == .dead && !peers[$0].isSeed }
            if let victim = dead.randomElement(using: &random) { return victim }
        }
        for _ in 0..<8 {
            let index = Int.random(in: 0..<peers.count, using: &random)
            if !peers[index].isSeed { return index }
        }
        return peers.indices.filter { !peers[$0].isSeed }.randomElement(using: &random)
    }

    private mutating func remove(at index: Int) {
        let peer = peers[index]
        if peer.state == .dead { deadCount -= 1 }
        indexByAddress[peer.address] = nil
        if let id = peer.id, addressByID[id] == peer.address { addressByID[id] = nil }
        let last = peers.count - 1
        if index != last {
            peers.swapAt(index, last)
            indexByAddress[peers[index].address] = index
        }
        peers.removeLast()
    }

    /// This peer reached itself under another name: drop the entry and never try it again.
    private mutating func forgetOwnAlias(_ address: String) {
        if let index = indexByAddress[address] { remove(at: index) }
        // A handful of aliases at most in practice; the bound only guards against abuse.
        if ownAliases.count < 16 { ownAliases.insert(address) }
    }
}
