import Hummingbird
import Logging

/// One log line per request, except gossip: a node exchanges with a partner every round, and
/// those lines would bury everything a person reads the log for. Gossip refusals are still
/// logged, by the gossip routes themselves.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    private let requests = LogRequestsMiddleware<Context>(.info)

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/gossip/") { return try await next(request, context) }
        return try await requests.handle(request, context: context, next: next)
    }
}
