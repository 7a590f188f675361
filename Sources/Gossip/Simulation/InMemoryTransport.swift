import Foundation
import Publishing

/// Carries gossip between engines in one process, for the simulation and the tests.
///
/// Every message is encoded and decoded with `GossipCodec`, exactly as over HTTP, so byte counts
/// are real and the receiving side sees only what survived the wire format. Messages are lost
/// with a fixed probability (from a seeded generator, so runs repeat); a node marked down throws
/// like an unreachable host. A message the receiver cannot decode is reported as garbage and
/// refused, as the HTTP routes do.
public final class InMemoryTransport: GossipTransport, @unchecked Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreachable(String)
        case lost(String)
        case refused(String)

        public var description: String {
            switch self {
            case let .unreachable(address): "\(address) is unreachable"
            case let .lost(address): "a message to or from \(address) was lost"
            case let .refused(reason): "refused: \(reason)"
            }
        }
    }

    /// Bytes on the wire since the last reset.
    public struct Traffic: Sendable, Equatable {
        public var messages = 0
        public var bytes = 0
        /// The part of `bytes` spent on digests.
        public var digestBytes = 0
        /// The part of `bytes` spent on envelopes themselves.
        public var envelopeBytes = 0
        public var bytesBySender: [String: Int] = [:]
    }

    public let limits: GossipLimits
    private let lossProbability: Double
    // Guards everything below: engines call in from many tasks at once.
    private let lock = NSLock()
    private var engines: [String: GossipEngine] = [:]
    private var down: Set<String> = []
    private var random: SeededRandom
    private var traffic = Traffic()

    public init(lossProbability: Double = 0, seed: UInt64, limits: GossipLimits = GossipLimits()) {
        self.lossProbability = lossProbability
        self.limits = limits
        random = SeededRandom(seed: seed)
    }

    public func register(_ engine: GossipEngine) {
        lock.withLock { engines[engine.me.address] = engine }
    }

    public func setDown(_ address: String, _ isDown: Bool = true) {
        lock.withLock {
            if isDown { down.insert(address) } else { down.remove(address) }
        }
    }

    /// Drops every engine; engines hold the transport, so this breaks the cycle when a run ends.
    public func removeAll() {
        lock.withLock { engines.removeAll() }
    }

    public func currentTraffic() -> Traffic {
        lock.withLock { traffic }
    }

    public func resetTraffic() {
        lock.withLock { traffic = Traffic() }
    }

    public func exchange(_ request: ExchangeRequest, with address: String) async throws -> ExchangeResponse {
        let engine = try route(to: address)
        let bytes = GossipCodec.encode(request)
        try transmit(bytes.count, from: request.sender.address, to: address,
                     digestBytes: GossipCodec.encodedSize(of: request.digest))
        let received: ExchangeRequest
        do {
            received = try GossipCodec.decodeExchangeRequest(bytes, limits: limits)
        } catch {
            await engine.reportGarbage(from: request.sender.address, id: request.sender.id, reason: error.description)
            throw Failure.refused(error.description)
        }
        let response = try await refusalsAsFailures { try await engine.handleExchange(received) }
        let answer = GossipCodec.encode(response)
        try transmit(answer.count, from: address, to: request.sender.address,
                     digestBytes: GossipCodec.encodedSize(of: response.digest), envelopes: response.envelopes)
        return try GossipCodec.decodeExchangeResponse(answer, limits: limits)
    }

    public func push(_ request: PushRequest, to address: String) async throws -> AcceptReport {
        let engine = try route(to: address)
        let bytes = GossipCodec.encode(request)
        try transmit(bytes.count, from: request.sender.address, to: address, digestBytes: 0, envelopes: request.envelopes)
        let received: PushRequest
        do {
            received = try GossipCodec.decodePushRequest(bytes, limits: limits)
        } catch {
            await engine.reportGarbage(from: request.sender.address, id: request.sender.id, reason: error.description)
            throw Failure.refused(error.description)
        }
        let report = try await refusalsAsFailures { try await engine.handlePush(received) }
        let answer = GossipCodec.encode(report)
        try transmit(answer.count, from: address, to: request.sender.address, digestBytes: 0)
        return try GossipCodec.decodeAcceptReport(answer, limits: limits)
    }

    /// The engine at `address`; an unknown or downed address fails before anything is sent, like
    /// a refused connection.
    private func route(to address: String) throws(Failure) -> GossipEngine {
        let engine = lock.withLock { down.contains(address) ? nil : engines[address] }
        guard let engine else { throw .unreachable(address) }
        return engine
    }

    /// Counts a message as sent, then loses it or lets it through.
    private func transmit(_ size: Int, from sender: String, to receiver: String,
                          digestBytes: Int, envelopes: [EnvelopeData] = []) throws(Failure) {
        let envelopeBytes = envelopes.reduce(0) { $0 + $1.bytes.count }
        let lost = lock.withLock {
            traffic.messages += 1
            traffic.bytes += size
            traffic.digestBytes += digestBytes
            traffic.envelopeBytes += envelopeBytes
            traffic.bytesBySender[sender, default: 0] += size
            return lossProbability > 0 && Double.random(in: 0..<1, using: &random) < lossProbability
        }
        if lost { throw .lost(receiver) }
    }

    /// A refusal arrives as an error status over HTTP; here it becomes a transport failure too.
    private func refusalsAsFailures<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as GossipRefusal {
            throw Failure.refused(refusal.description)
        }
    }
}
