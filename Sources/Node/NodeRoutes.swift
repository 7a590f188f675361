import Hummingbird

/// The protocol and web routes, registered together.
enum NodeRoutes {
    static func registerAll(on router: Router<BasicRequestContext>, node: GrapevineNode) {
        SPARQLProtocolRoutes.register(on: router, node: node)
        GraphStoreRoutes.register(on: router, node: node)
        WebRoutes.register(on: router, node: node)
    }
}
