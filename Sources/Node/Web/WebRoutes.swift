import Hummingbird

/// The node's web pages for people: search (`/`), one resource (`/resource`), a SPARQL editor
/// (`/query`), and the assets they use (`/assets/…`). Server-rendered HTML that works without
/// JavaScript and loads nothing from elsewhere.
enum WebRoutes {
    static func register(on router: Router<BasicRequestContext>, node: GrapevineNode) {
        router.get("/") { request, _ in try await SearchPage.respond(to: request, node: node) }
        router.get("/resource") { request, _ in try await ResourcePage.respond(to: request, node: node) }
        router.get("/query") { request, _ in try await QueryPage.respond(to: request, node: node) }
        router.post("/query") { request, _ in try await QueryPage.respond(to: request, node: node) }
        AssetRoutes.register(on: router)
    }
}
