import Foundation
import Logging
import Publishing

/// One peer's side of push-pull anti-entropy, independent of storage and transport.
///
/// Each round it picks a partner at random, sends its digest and a sample of the peers it knows,
/// stores what the partner's answer carries, and pushes back what the partner's digest shows it
/// lacks. It also answers the same two requests from others. Nothing a partner does makes a round
/// throw: an unreachable or garbled partner becomes suspect, a partner that sends invalid
/// envelopes collects strikes until it is banned. Rounds are counted here, so back-offs and bans
/// do not depend on the wall clock and a simulation is deterministic.
public actor GossipEngine {
    public nonisolated let me: PeerRecord
    public nonisolated let configuration: GossipConfiguration
    private let repository: any EnvelopeRepository
    private let transport: any GossipTransport
    private let logger: Logger?
    private let now: @Sendable () -> Date
    private var membership: Membership

    public init(me: PeerRecord, repository: any EnvelopeRepository, transport: any GossipTransport,
                configuration: GossipConfiguration = GossipConfiguration(), logger: Logger? = nil,
                random seed: UInt64? = nil, now: @escaping @Sendable () -> Date = Date.init) {
        self.me = me
        self.configuration = configuration
        self.repository = repository
        self.transport = transport
        self.logger = logger
        self.now = now
        membership = Membership(me: me, configuration: configuration,
                                random: seed.map(SeededRandom.init(seed:)) ?? SeededRandom())
    }

    /// Rounds run so far.
    public var round: UInt64 { membership.round }

    public func addSeeds(_ addresses: [String]) {
        for address in addresses { membership.addSeed(address) }
    }

    /// A snapshot of every known peer, sorted by address.
    public func peers() -> [PeerStatus] {
        membership.statuses()
    }

    /// Whether requests from this peer are refused now; lets a transport refuse before decoding.
    public func isBanned(address: String?, id: PeerID?) -> Bool {
        membership.bannedUntil(address: address, id: id) != nil
    }

    // MARK: Initiating

    public func runRound() async -> RoundReport {
        membership.advanceRound()
        guard let partner = membership.choosePartner() else {
            return RoundReport(round: membership.round, partner: nil, outcome: .idle)
        }
        var report = RoundReport(round: membership.round, partner: partner, outcome: .exchanged)
        do {
            if let partnerDigest = try await pull(from: partner, into: &report) {
                try await push(to: partner, lacking: partnerDigest, into: &report)
            }
        } catch {
            // Only the repository throws out to here: this peer's problem, not the partner's.
            logger?.error("gossip: round \(membership.round) with \(partner) failed locally: \(error)")
            report.outcome = .localFailure(String(describing: error))
        }
        return report
    }

    /// Steps 1 and 2: sends the digest and a sample, takes in the answer. Returns the partner's
    /// digest when the round should go on to push.
    private func pull(from partner: String, into report: inout RoundReport) async throws -> Digest? {
        let request = ExchangeRequest(sender: me, digest: try await repository.digest(),
                                      peers: membership.sample(sampleSize, excluding: partner))
        let response: ExchangeResponse
        do {
            response = try await transport.exchange(request, with: partner)
        } catch {
            report.outcome = partnerFailed(partner, error, during: "exchange")
            return nil
        }
        let id = response.responder.id
        membership.contactSucceeded(address: partner, id: id, at: now())
        if id == me.id {
            report.outcome = .partnerFailed("\(partner) is this peer itself")
            return nil
        }
        // The answer may name an id banned meanwhile (by a concurrent request, or under another
        // address): nothing from it is taken, nothing is sent to it.
        guard membership.bannedUntil(address: partner, id: id) == nil else {
            report.outcome = .partnerFailed("\(partner) answered as a banned peer")
            return nil
        }
        membership.learn(response.peers.prefix(sampleSize))
        if !response.envelopes.isEmpty {
            report.pulled = try await accept(response.envelopes, from: partner, id: id)
        }
        // The answer may itself have earned a ban.
        return membership.bannedUntil(address: partner, id: id) == nil ? response.digest : nil
    }

    /// Step 3: sends what the partner's digest shows it lacks.
    private func push(to partner: String, lacking partnerDigest: Digest, into report: inout RoundReport) async throws {
        let delta = capped(try await repository.delta(for: partnerDigest, budget: configuration.roundBudgetBytes))
        guard !delta.isEmpty else { return }
        report.pushed = delta.count
        do {
            let answer = try await transport.push(PushRequest(sender: me, envelopes: delta), to: partner)
            report.pushAnswer = answer
            if !answer.invalid.isEmpty {
                logger?.warning("gossip: \(partner) refused \(answer.invalid.count) of our envelopes",
                                metadata: ["peer": "\(partner)", "reasons": "\(answer.invalid.joined(separator: "; "))"])
            }
        } catch {
            report.outcome = partnerFailed(partner, error, during: "push")
        }
    }

    // MARK: Answering

    /// Step 2 of an exchange: what the sender lacks, this peer's digest, and a peer sample.
    public func handleExchange(_ request: ExchangeRequest) async throws -> ExchangeResponse {
        try admit(request.sender)
        membership.heardFrom(request.sender, at: now())
        membership.learn(request.peers.prefix(sampleSize))
        let digest = try await repository.digest()
        let delta = capped(try await repository.delta(for: request.digest, budget: configuration.roundBudgetBytes))
        return ExchangeResponse(responder: me, digest: digest, envelopes: delta,
                                peers: membership.sample(sampleSize, excluding: request.sender.address))
    }

    /// Step 3 of an exchange: envelopes the sender found this peer lacks.
    public func handlePush(_ request: PushRequest) async throws -> AcceptReport {
        try admit(request.sender)
        membership.heardFrom(request.sender, at: now())
        return try await accept(request.envelopes, from: request.sender.address, id: request.sender.id)
    }

    /// A request the transport could not decode: a strike against whoever it can name.
    public func reportGarbage(from address: String?, id: PeerID?, reason: String) {
        let who = [address, id?.description].compactMap { $0 }.joined(separator: " ")
        guard address != nil || id != nil else {
            logger?.warning("gossip: undecodable message from an unnamed peer: \(reason)")
            return
        }
        logger?.warning("gossip: undecodable message from \(who): \(reason)")
        if let until = membership.penalize(address: address, id: id) {
            logger?.warning("gossip: \(who) banned until round \(until) for sending garbage")
        }
    }

    // MARK: Internals

    private var sampleSize: Int { min(configuration.peerSampleSize, configuration.limits.maxPeers) }

    /// Cuts a delta to the envelope count a partner accepts. A prefix of an oldest-first delta is
    /// still a prefix of each publisher's part, so the partner's digest stays exact.
    private func capped(_ delta: [EnvelopeData]) -> [EnvelopeData] {
        delta.count > configuration.limits.maxEnvelopes ? Array(delta.prefix(configuration.limits.maxEnvelopes)) : delta
    }

    private func admit(_ sender: PeerRecord) throws(GossipRefusal) {
        if sender.id == me.id || sender.address == me.address {
            logger?.warning("gossip: refused a request that claims to come from this peer (\(sender.address))")
            throw .fromMyself
        }
        if let until = membership.bannedUntil(address: sender.address, id: sender.id) {
            logger?.info("gossip: refused \(sender.address) (\(sender.id)): banned until round \(until)")
            throw .banned(address: sender.address, id: sender.id, untilRound: until)
        }
    }

    private func accept(_ envelopes: [EnvelopeData], from address: String, id: PeerID) async throws -> AcceptReport {
        let report = try await repository.accept(envelopes, from: id)
        membership.received(envelopes: envelopes.count, bytes: envelopes.reduce(0) { $0 + $1.bytes.count }, from: address)
        guard !report.invalid.isEmpty else { return report }
        logger?.warning("gossip: refused \(report.invalid.count) invalid envelopes from \(address)",
                        metadata: ["peer": "\(id)", "reasons": "\(report.invalid.joined(separator: "; "))"])
        if let until = membership.penalize(address: address, id: id, strikes: report.invalid.count) {
            logger?.warning("gossip: \(address) (\(id)) banned until round \(until) for sending invalid envelopes")
        }
        return report
    }

    /// The partner failed us: suspicion always, and a strike too when what it sent was garbage.
    private func partnerFailed(_ partner: String, _ error: any Error, during step: String) -> RoundReport.Outcome {
        membership.contactFailed(address: partner)
        if let garbage = error as? GossipCodecError {
            logger?.warning("gossip: \(partner) answered the \(step) with garbage: \(garbage)")
            if let until = membership.penalize(address: partner, id: nil) {
                logger?.warning("gossip: \(partner) banned until round \(until) for answering with garbage")
            }
        } else {
            logger?.debug("gossip: \(step) with \(partner) failed: \(error)")
        }
        return .partnerFailed("\(step): \(error)")
    }
}
