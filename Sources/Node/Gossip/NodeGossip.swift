import AsyncHTTPClient
import Foundation
import Gossip
import Logging
import NIOCore
import Publishing
import Store

/// The node's part in the network: its identity, the anti-entropy engine over the store, the
/// HTTP transport, and the loop that runs a round every `gossip_interval`.
///
/// Each round first purges expired descriptions, so an expired description disappears on every
/// node within a round of its expiry, and it reads the digest from the database, so a
/// publication made with `grapevine publish` into the running node's database is gossiped too.
public final class NodeGossip: Sendable {
    public let identity: PeerIdentity
    public let me: PeerRecord
    public let engine: GossipEngine
    public let limits: GossipLimits
    public let networkKey: NetworkKey?
    let client: HTTPClient
    let store: QuadStore
    let interval: Double
    let peerList: PeerListFile
    let logger: Logger

    init(configuration: NodeConfiguration, store: QuadStore, publisher: DescriptionPublisher,
         identity: PeerIdentity, logger: Logger) throws {
        self.identity = identity
        self.store = store
        self.logger = logger
        interval = configuration.gossipInterval
        me = PeerRecord(id: identity.id, address: configuration.advertisedAddress)
        limits = GossipLimits(maxMessageBytes: configuration.gossipBudget + configuration.maxEnvelopeBytes + (1 << 20),
                              maxEnvelopeBytes: configuration.maxEnvelopeBytes)
        networkKey = configuration.networkKey.map(NetworkKey.init(secret:))
        // Gossip does its own retrying (suspicion, back-off), so a refused connection must fail at
        // once: the client's own retries would hold the round until the deadline.
        var clientConfiguration = HTTPClient.Configuration(timeout: .init(connect: .seconds(2), read: .seconds(10)))
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        peerList = PeerListFile(databasePath: configuration.databasePath)
        let repository = StoreEnvelopeRepository(store: store, publisher: publisher,
                                                 trust: Set(configuration.trust),
                                                 maxEnvelopeBytes: configuration.maxEnvelopeBytes, logger: logger)
        var settings = GossipConfiguration()
        settings.roundBudgetBytes = configuration.gossipBudget
        // The engine trims its answers and pushes to the same limits the transport decodes with.
        settings.limits = limits
        engine = GossipEngine(me: me, repository: repository,
                              transport: HTTPGossipTransport(client: client, sender: identity, networkKey: networkKey, limits: limits),
                              configuration: settings, logger: logger)
    }

    /// Joins through the configured peers and the ones this node knew when it last ran.
    func start(seeds: [String]) async {
        let remembered = peerList.read().map(\.address)
        await engine.addSeeds(Array(Set(seeds + remembered)).filter { $0 != me.address }.sorted())
    }

    /// Rounds until the task is cancelled (the server is shutting down).
    func run() async {
        while !Task.isCancelled {
            do {
                let purged = try await BlockingWork.run { [store] in try store.purgeExpired(now: Date()) }
                if !purged.isEmpty { logger.info("gossip: \(purged.count) expired descriptions removed") }
            } catch {
                logger.error("gossip: purging expired descriptions failed: \(error)")
            }
            _ = await engine.runRound()
            peerList.write(await engine.peers())
            try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
    }

    func shutdown() async {
        try? await client.shutdown()
    }
}
