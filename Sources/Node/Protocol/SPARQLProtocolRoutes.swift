import Foundation
import Hummingbird
import Logging
import SPARQL

/// `/sparql`: the SPARQL 1.1 Protocol query operation (https://www.w3.org/TR/sparql11-protocol/).
///
/// - `GET ?query=…`, `POST` form (`query=…`) or `POST application/sparql-query`; see
///   `SPARQLQueryRequest`. `default-graph-uri` / `named-graph-uri` (repeatable) give the dataset
///   and override the query's FROM / FROM NAMED.
/// - The answer's format comes from `format=` (or `output=`) if given, else from Accept
///   (`ResultFormatChoice`): JSON, XML, CSV, TSV (and a text table) for SELECT and ASK, JSON
///   without a preference; Turtle, N-Triples, RDF/XML, N-Quads, TriG for CONSTRUCT and DESCRIBE,
///   Turtle without a preference.
/// - Statuses: 200 with the results; 400 for a missing, repeated or malformed query (the message
///   names line and column) or a malformed parameter; 406 when no offered format is acceptable;
///   413 for a body over the node's limit; 415 for a POST of another content type; 501 for SPARQL
///   Update and unsupported features (SERVICE); 503 when the query hits the node's time limit or
///   its cap on solutions; 405 for other methods.
/// - Every response carries `Access-Control-Allow-Origin: *`, so pages in browsers can query;
///   `OPTIONS` answers CORS preflight requests.
enum SPARQLProtocolRoutes {
    static let allowedMethods = ["GET", "HEAD", "POST", "OPTIONS"]

    static let corsHeaders: HTTPFields = [.accessControlAllowOrigin: "*"]

    static func register(on router: Router<BasicRequestContext>, node: GrapevineNode) {
        router.get("/sparql") { request, _ in await answer(request, node: node) }
        router.post("/sparql") { request, _ in await answer(request, node: node) }
        router.head("/sparql") { request, _ in await answer(request, node: node).createHeadResponse() }
        router.on("/sparql", method: .options) { _, _ in
            Response(status: .noContent, headers: [
                .accessControlAllowOrigin: "*",
                .accessControlAllowMethods: "GET, POST, OPTIONS",
                .accessControlAllowHeaders: "Accept, Content-Type",
                .accessControlMaxAge: "86400",
                .allow: allowedMethods.joined(separator: ", "),
            ])
        }
        for method in [HTTPRequest.Method.put, .delete, .patch] {
            router.on("/sparql", method: method) { request, _ in
                ProtocolError.methodNotAllowed(request.method, allowed: allowedMethods, resource: "/sparql")
                    .response(adding: corsHeaders)
            }
        }
    }

    /// Answers one query request; every failure becomes a response with a message.
    static func answer(_ request: Request, node: GrapevineNode) async -> Response {
        do {
            return try await run(request, node: node)
        } catch let error as ProtocolError {
            return error.response(adding: corsHeaders)
        } catch {
            node.logger.error("/sparql failed: \(String(describing: error))")
            return PlainText.response(.internalServerError, "the node failed to answer: \(error)", headers: corsHeaders)
        }
    }

    private static func run(_ request: Request, node: GrapevineNode) async throws -> Response {
        let configuration = node.configuration
        let protocolRequest = try await SPARQLQueryRequest.read(request, maxBodyBytes: configuration.maxBodyBytes)
        let base = request.head.authority.map { "http://\($0)/sparql" }
        let text = protocolRequest.query
        let query: Query
        do {
            query = try await BlockingWork.run { try SPARQLParser.parse(text, baseIRI: base) }
        } catch let error as SPARQLSyntaxError {
            throw ProtocolError(.badRequest, "malformed query: \(error.description)")
        }
        let format = try ResultFormatChoice.choose(for: kind(of: query), accept: request.headers[.accept],
                                                   parameters: protocolRequest.parameters)
        let dataset = protocolRequest.dataset
        let result: QueryResult
        do {
            result = try await BlockingWork.run { try node.engine.execute(query, dataset: dataset) }
        } catch let error as QueryError {
            throw refusal(error, configuration: configuration)
        }
        var headers = corsHeaders
        headers[.contentType] = format.contentType
        headers[.vary] = "Accept"
        return Response(status: .ok, headers: headers, body: ResultStream(result: result, format: format).body())
    }

    static func kind(of query: Query) -> ResultKind {
        switch query.form {
        case .select: .solutions
        case .ask: .boolean
        case .construct, .describe: .graph
        }
    }

    /// The status and message for a query that could not finish.
    static func refusal(_ error: QueryError, configuration: NodeConfiguration) -> ProtocolError {
        switch error {
        case .timeout(let seconds):
            ProtocolError(.serviceUnavailable, """
                the query ran past this node's time limit of \(seconds.formatted()) s and was stopped; \
                narrow it (more specific patterns, LIMIT) or ask the operator to raise query_timeout
                """)
        case .tooManyResults(let limit):
            ProtocolError(.serviceUnavailable, """
                the query needed more than \(limit.formatted()) solutions at one step, this node's limit, \
                and was stopped; narrow it (more specific patterns, LIMIT) or ask the operator to raise max_results
                """)
        case .unsupported(let what):
            ProtocolError(.notImplemented, what)
        case .unknownGraph:
            ProtocolError(.badRequest, error.description)
        }
    }
}
