import Hummingbird
import Logging

/// Builds and runs the node's HTTP server.
///
/// Routes live in their own types (`StatusRoutes`, `SPARQLProtocolRoutes`, …) and know nothing of
/// each other; this type only assembles them with the middleware every request goes through.
public enum NodeServer {
    public static let version = "0.1.0"

    public static func makeApplication(node: GrapevineNode) -> some ApplicationProtocol {
        let router = Router()
        // One log line per request, and request metrics for /metrics.
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: MetricsMiddleware())
        StatusRoutes.register(on: router, node: node)
        MetricsRoutes.register(on: router)
        NodeRoutes.registerAll(on: router, node: node)
        GossipRoutes.register(on: router, node: node)
        let configuration = node.configuration
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "grapevine/\(version)"),
            logger: node.logger)
    }

    /// Serves until SIGINT or SIGTERM; in-flight requests finish and the store closes cleanly.
    /// Gossip rounds run beside the server and stop with it.
    public static func run(node: GrapevineNode) async throws {
        await node.gossip.start(seeds: node.configuration.peers)
        let rounds = Task { await node.gossip.run() }
        do {
            try await makeApplication(node: node).runService()
        } catch {
            rounds.cancel()
            await node.gossip.shutdown()
            throw error
        }
        rounds.cancel()
        _ = await rounds.value
        await node.gossip.shutdown()
    }
}
