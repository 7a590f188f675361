import Foundation
import Gossip
import Publishing
import Testing

@Suite("Membership: failure detection, bans, the bounded view, partner choice")
struct MembershipTests {
    let me = testRecord(0, address: "sim://me")

    private func membership(_ adjust: (inout GossipConfiguration) -> Void = { _ in }) -> Membership {
        var configuration = GossipConfiguration()
        configuration.deadBackoffBaseRounds = 2
        configuration.deadBackoffCapRounds = 8
        configuration.banRounds = 10
        adjust(&configuration)
        return Membership(me: me, configuration: configuration, random: SeededRandom(seed: 42))
    }

    private func advance(_ membership: inout Membership, by rounds: Int) {
        for _ in 0..<rounds { membership.advanceRound() }
    }

    @Test("a failing peer turns suspect, then dead; it is retried after a doubling, capped back-off and revives on success")
    func failureDetection() throws {
        var view = membership()
        view.addSeed("sim://a")
        view.advanceRound()
        view.contactFailed(address: "sim://a")
        #expect(view.status(of: "sim://a")?.state == .suspect)
        #expect(view.choosePartner() == "sim://a", "a suspect is still contacted")
        view.contactFailed(address: "sim://a")
        #expect(view.status(of: "sim://a")?.state == .suspect)
        view.contactFailed(address: "sim://a")
        #expect(view.status(of: "sim://a")?.state == .dead)
        #expect(view.status(of: "sim://a")?.retryRound == 3)

        // Back-offs of 2, 4, 8, then capped at 8: contactable exactly when each ends.
        var retryRounds: [UInt64] = []
        for _ in 0..<4 {
            while view.choosePartner() == nil { view.advanceRound() }
            retryRounds.append(view.round)
            view.contactFailed(address: "sim://a")
        }
        #expect(retryRounds == [3, 7, 15, 23])

        let date = Date(timeIntervalSince1970: 1_000)
        view.contactSucceeded(address: "sim://a", id: testID(1), at: date)
        let status = try #require(view.status(of: "sim://a"))
        #expect(status.state == .alive)
        #expect(status.consecutiveFailures == 0)
        #expect(status.id == testID(1))
        #expect(status.lastContact == date)
        #expect(view.choosePartner() == "sim://a")
    }

    @Test("a dead peer is forgotten after its last failed retry, but a seed is kept")
    func forgetting() {
        var view = membership { $0.forgetDeadAfterRetries = 2 }
        view.addSeed("sim://seed")
        view.learn([testRecord(1, address: "sim://learned")])
        for address in ["sim://seed", "sim://learned"] {
            for _ in 0..<(3 + 3) {
                advance(&view, by: 8)
                view.contactFailed(address: address)
            }
        }
        #expect(view.status(of: "sim://learned") == nil)
        #expect(view.status(of: "sim://seed")?.state == .dead)
        #expect(view.count == 1)
    }

    @Test("strikes up to the limit ban a peer: not chosen, not shareable, and a second ban lasts twice as long")
    func bans() {
        var view = membership()
        view.heardFrom(testRecord(1, address: "sim://bad"), at: Date())
        view.heardFrom(testRecord(2, address: "sim://good"), at: Date())
        view.advanceRound()
        #expect(view.penalize(address: "sim://bad", id: testID(1), strikes: 2) == nil)
        #expect(view.penalize(address: "sim://bad", id: testID(1)) == 11)
        #expect(view.status(of: "sim://bad")?.invalidCount == 3)
        #expect(view.status(of: "sim://bad")?.isBanned == true)
        // Banned under either name, whichever the request gives.
        #expect(view.bannedUntil(address: nil, id: testID(1)) == 11)
        #expect(view.bannedUntil(address: "sim://bad", id: nil) == 11)
        for _ in 0..<50 { #expect(view.choosePartner() == "sim://good") }
        #expect(view.sample(5).map(\.address) == ["sim://good"])

        advance(&view, by: 10)
        #expect(view.bannedUntil(address: "sim://bad", id: testID(1)) == 11, "still banned in its last round")
        view.advanceRound()
        #expect(view.bannedUntil(address: "sim://bad", id: testID(1)) == nil)
        #expect(view.status(of: "sim://bad")?.isBanned == false)
        #expect(view.penalize(address: "sim://bad", id: testID(1), strikes: 3) == view.round + 20)
    }

    @Test("strikes are forgiven after a quiet period, so rare mishaps never add up to a ban")
    func forgiveness() {
        var view = membership()
        view.heardFrom(testRecord(1), at: Date())
        for _ in 0..<10 {
            #expect(view.penalize(address: testRecord(1).address, id: testID(1), strikes: 2) == nil)
            advance(&view, by: 11)
        }
        #expect(view.status(of: testRecord(1).address)?.invalidCount == 20)
        #expect(view.bannedUntil(address: testRecord(1).address, id: testID(1)) == nil)
    }

    @Test("garbage from a stranger counts: its id is banned before it ever joins")
    func strangers() {
        var view = membership()
        for _ in 0..<3 { view.penalize(address: nil, id: testID(9)) }
        #expect(view.count == 0)
        #expect(view.bannedUntil(address: "sim://anywhere", id: testID(9)) != nil)
        view.heardFrom(testRecord(9, address: "sim://anywhere"), at: Date())
        #expect(view.choosePartner() == nil)
    }

    @Test("the view never grows past its bound, and dead peers are replaced first")
    func boundedView() {
        var view = membership { $0.maxKnownPeers = 10 }
        for seed in UInt8(1)...10 { view.heardFrom(testRecord(seed), at: Date()) }
        for seed in UInt8(1)...3 {
            for _ in 0..<3 { view.contactFailed(address: testRecord(seed).address) }
        }
        #expect(view.statuses().filter { $0.state == .dead }.count == 3)
        view.learn((UInt8(11)...13).map { testRecord($0) })
        #expect(view.count == 10)
        #expect(view.statuses().filter { $0.state == .dead }.isEmpty)
        for seed in UInt8(14)...200 { view.learn([testRecord(seed)]) }
        #expect(view.count == 10)
    }

    @Test("samples name only verified, alive, unbanned peers, never the excluded partner")
    func samples() {
        var view = membership()
        view.heardFrom(testRecord(1), at: Date())
        view.heardFrom(testRecord(2), at: Date())
        view.heardFrom(testRecord(3), at: Date())
        view.learn([testRecord(4)])
        view.contactFailed(address: testRecord(3).address)
        let sample = view.sample(10, excluding: testRecord(2).address)
        #expect(sample == [testRecord(1)])
        #expect(view.sample(0).isEmpty)
    }

    @Test("learning skips this peer, addresses and ids already known; an id heard at a new address merges its entries")
    func identities() {
        var view = membership()
        view.addSeed("http://localhost:8471")
        view.learn([me, testRecord(0, address: "sim://me-again"), testRecord(5, address: "sim://me")])
        #expect(view.count == 1)
        view.contactSucceeded(address: "http://localhost:8471", id: testID(1), at: Date())
        view.learn([testRecord(1, address: "http://elsewhere:8471")])
        #expect(view.count == 1)
        // The peer calls in under its own canonical address: one entry remains, still a seed.
        view.heardFrom(testRecord(1, address: "http://127.0.0.1:8471"), at: Date())
        #expect(view.statuses().map(\.address) == ["http://127.0.0.1:8471"])
        #expect(view.statuses().first?.isSeed == true)
        // A seed that turns out to be this peer itself is dropped and never tried again.
        view.addSeed("http://me.example:8471")
        view.contactSucceeded(address: "http://me.example:8471", id: me.id, at: Date())
        view.addSeed("http://me.example:8471")
        #expect(view.status(of: "http://me.example:8471") == nil)
    }

    @Test("partner choice is uniform over the peers that may be contacted")
    func uniformChoice() {
        var view = membership()
        for seed in UInt8(1)...4 { view.heardFrom(testRecord(seed), at: Date()) }
        for _ in 0..<3 { view.contactFailed(address: testRecord(4).address) }
        var counts: [String: Int] = [:]
        for _ in 0..<3_000 { counts[view.choosePartner() ?? "none", default: 0] += 1 }
        #expect(counts[testRecord(4).address] == nil)
        #expect(counts.count == 3)
        #expect(counts.values.allSatisfy { (850...1150).contains($0) }, "\(counts)")
    }
}
