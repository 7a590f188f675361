import Foundation
import Gossip
import Publishing
import Hummingbird
import Store

/// `/status`: what a monitor or a peer asks first (version, uptime, sizes), as JSON.
enum StatusRoutes {
    static func register(on router: Router<BasicRequestContext>, node: GrapevineNode) {
        router.get("/status") { _, _ -> Response in
            let stats = try await BlockingWork.run { try node.store.statistics() }
            let peers = await node.gossip.engine.peers()
            let body: [String: Any] = [
                "name": "grapevine",
                "version": NodeServer.version,
                "uptime_seconds": Int(Date().timeIntervalSince(node.startedAt)),
                "descriptions": stats.descriptions,
                "graphs": stats.graphs,
                "quads": stats.quads,
                "terms": stats.terms,
                "database_bytes": stats.databaseBytes,
                "peer_id": node.gossip.identity.id.description,
                "advertised_address": node.gossip.me.address,
                "peers": peers.count,
                "peers_alive": peers.filter { $0.state == .alive }.count,
            ]
            let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .prettyPrinted])
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
