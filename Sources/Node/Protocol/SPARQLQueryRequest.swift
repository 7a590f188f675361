import Foundation
import Hummingbird
import SPARQL

/// What a SPARQL 1.1 Protocol query request asks (https://www.w3.org/TR/sparql11-protocol/#query-operation):
/// the query text, the dataset given by `default-graph-uri` / `named-graph-uri`, and the other
/// parameters (`format=`).
///
/// The three ways to send a query:
/// - `GET /sparql?query=…` (parameters in the URL);
/// - `POST` with `Content-Type: application/x-www-form-urlencoded` (`query=…` in the body; dataset
///   parameters in the body or the URL);
/// - `POST` with `Content-Type: application/sparql-query` (the query is the body, UTF-8; the
///   dataset parameters go in the URL).
struct SPARQLQueryRequest: Sendable {
    var query: String
    /// From the protocol parameters; nil lets the query's own FROM / FROM NAMED (or the whole
    /// store) decide.
    var dataset: QueryDataset?
    /// Every parameter, URL and form body together.
    var parameters: FormParameters

    static let formType = "application/x-www-form-urlencoded"
    static let queryType = "application/sparql-query"
    static let updateType = "application/sparql-update"

    static func read(_ request: Request, maxBodyBytes: Int) async throws -> SPARQLQueryRequest {
        let urlParameters = try FormParameters(parsing: Substring(request.uri.query ?? ""), what: "the query string")
        var parameters = urlParameters
        var query: String?
        switch request.method {
        case .get, .head:
            query = try urlParameters.single("query")
        case .post:
            switch RequestBodyReader.mediaType(of: request) {
            case formType:
                let body = try await RequestBodyReader.collect(request, limit: maxBodyBytes)
                guard let text = String(validating: body, as: UTF8.self) else {
                    throw ProtocolError(.badRequest, "the form body is not UTF-8")
                }
                let form = try FormParameters(parsing: Substring(text), what: "the form body")
                parameters = form.merging(urlParameters)
                query = try parameters.single("query")
            case queryType:
                if urlParameters.contains("query") {
                    throw ProtocolError(.badRequest, "a query sent as application/sparql-query is the body; do not also give 'query=' in the URL")
                }
                let body = try await RequestBodyReader.collect(request, limit: maxBodyBytes)
                guard let text = String(validating: body, as: UTF8.self) else {
                    throw ProtocolError(.badRequest, "the query in the body is not UTF-8")
                }
                query = text
            case updateType:
                throw updateRefused
            case let other:
                throw ProtocolError(.unsupportedMediaType, """
                    a POST to /sparql carries \(formType) (query=…) or \(queryType) (the query as the body), \
                    not \(other ?? "a body without Content-Type")
                    """)
            }
        default:
            throw ProtocolError.methodNotAllowed(request.method, allowed: SPARQLProtocolRoutes.allowedMethods, resource: "/sparql")
        }
        if parameters.contains("update") || parameters.contains("using-graph-uri") || parameters.contains("using-named-graph-uri") {
            throw updateRefused
        }
        guard let query else {
            throw ProtocolError(.badRequest, "no query: give it as 'query=' (GET or a form POST) or POST it as \(queryType)")
        }
        guard query.contains(where: { !$0.isWhitespace }) else {
            throw ProtocolError(.badRequest, "the query is empty")
        }
        let defaultGraphs = parameters.values("default-graph-uri").filter { !$0.isEmpty }
        let namedGraphs = parameters.values("named-graph-uri").filter { !$0.isEmpty }
        let dataset = defaultGraphs.isEmpty && namedGraphs.isEmpty
            ? nil
            : QueryDataset(defaultGraphs: defaultGraphs, namedGraphs: namedGraphs)
        return SPARQLQueryRequest(query: query, dataset: dataset, parameters: parameters)
    }

    private static let updateRefused = ProtocolError(.notImplemented, """
        this node answers queries only: SPARQL Update is not supported. Publish, replace or remove \
        descriptions through the Graph Store protocol at /store
        """)
}
