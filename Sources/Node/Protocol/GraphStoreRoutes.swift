import Foundation
import Hummingbird
import Logging
import Publishing
import RDF
import RDFSyntax
import SPARQL
import Store

/// `/store`: the SPARQL 1.1 Graph Store HTTP Protocol
/// (https://www.w3.org/TR/sparql11-http-rdf-update/), with indirect identification:
/// `/store?graph=IRI`, and `/store?default` for reading.
///
/// The store's model is one description per named graph, checked against the publishing rules;
/// the default graph is the read-only union of all descriptions.
///
/// | request | answer |
/// |---|---|
/// | `GET ?graph=G` | 200, the graph in Turtle (default), N-Triples, RDF/XML, N-Quads or TriG by Accept or `format=`; 404 if unknown; 406 |
/// | `GET ?default` | 200, the union of every description |
/// | `PUT ?graph=G` + body | publishes the body as the description G (replacing any earlier one): 201 new, 204 replaced |
/// | `POST ?graph=G` + body | new graph: as PUT (201). Existing: the union of the stored description and the body is published as one N-Quads document (204); the stored verbatim document becomes that N-Quads text |
/// | `DELETE ?graph=G` | retracts the description: 204; 404 if unknown |
///
/// Writes need `Authorization: Bearer <token>` (`WriteAuthorization`: 401, or 403 when the node
/// has no token). A body that does not parse answers 400 with the parser's line and column; one
/// that breaks the publishing rules 422 with the subjects; over the size limit 413; an
/// unsupported Content-Type 415; a graph that belongs to another description (a named graph
/// inside a TriG or N-Quads description) or to another publisher (a description gossiped from a
/// peer) 409. A refused write changes nothing. With the node's identity, writes are signed and a
/// DELETE leaves a signed retraction that travels to the peers. Writes to
/// `?default` answer 405: the union has no writable graph of its own. Writes through this route
/// run one at a time, so a POST's read-merge-publish is not interleaved with another write.
enum GraphStoreRoutes {
    static let allowedMethods = ["GET", "HEAD", "PUT", "POST", "DELETE"]

    /// Serializes the node's own writes (a POST reads, merges and publishes).
    private static let writes = NSLock()

    static func register(on router: Router<BasicRequestContext>, node: GrapevineNode) {
        router.get("/store") { request, _ in await respond(request, node: node, read) }
        router.head("/store") { request, _ in await respond(request, node: node, read).createHeadResponse() }
        router.put("/store") { request, _ in await respond(request, node: node, put) }
        router.post("/store") { request, _ in await respond(request, node: node, post) }
        router.delete("/store") { request, _ in await respond(request, node: node, delete) }
        router.patch("/store") { request, _ in
            ProtocolError.methodNotAllowed(request.method, allowed: allowedMethods, resource: "/store").response()
        }
    }

    private static func respond(_ request: Request, node: GrapevineNode,
                                _ handler: (Request, GrapevineNode) async throws -> Response) async -> Response {
        do {
            return try await handler(request, node)
        } catch let error as ProtocolError {
            return error.response()
        } catch {
            node.logger.error("/store failed: \(String(describing: error))")
            return PlainText.response(.internalServerError, "the node failed: \(error)")
        }
    }

    private static func parameters(_ request: Request) throws(ProtocolError) -> FormParameters {
        try FormParameters(parsing: Substring(request.uri.query ?? ""), what: "the query string")
    }

    // MARK: GET

    private static func read(_ request: Request, node: GrapevineNode) async throws -> Response {
        let parameters = try parameters(request)
        let target = try GraphTarget.from(parameters)
        let format = try ResultFormatChoice.choose(for: .graph, accept: request.headers[.accept], parameters: parameters)
        let output = format.graphFormat!
        let bytes: [UInt8] = try await BlockingWork.run {
            var bytes: [UInt8] = []
            let serializer = RDFSerializer(format: output) { bytes.append(contentsOf: $0) }
            switch target {
            case .named(let graph):
                do {
                    try node.store.export(graph: graph) { try serializer.serialize($0) }
                } catch StoreError.noSuchGraph {
                    throw ProtocolError(.notFound, "no graph <\(graph)> in this store")
                }
            case .defaultGraph:
                try node.store.export { quad in
                    try serializer.serialize(Quad(quad.subject, quad.predicate, quad.object))
                }
            }
            try serializer.finish()
            return bytes
        }
        return Response(status: .ok, headers: [.contentType: format.contentType, .vary: "Accept"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    // MARK: PUT

    private static func put(_ request: Request, node: GrapevineNode) async throws -> Response {
        let (graph, body, syntax) = try await writeRequest(request, node: node, readBody: true)
        let limit = node.configuration.maxBodyBytes
        let outcome = try await BlockingWork.run {
            writes.lock()
            defer { writes.unlock() }
            return try publish(body, syntax: syntax, graph: graph, node: node, limit: limit)
        }
        return published(outcome, request: request)
    }

    // MARK: POST

    private static func post(_ request: Request, node: GrapevineNode) async throws -> Response {
        let (graph, body, syntax) = try await writeRequest(request, node: node, readBody: true)
        let limit = node.configuration.maxBodyBytes
        let outcome = try await BlockingWork.run { () throws -> PublishOutcome in
            writes.lock()
            defer { writes.unlock() }
            let descriptions = try node.store.descriptions()
            guard let existing = descriptions.first(where: { $0.graph == graph }) else {
                try refuseIfOwned(graph, by: descriptions)
                return try publish(body, syntax: syntax, graph: graph, node: node, limit: limit)
            }
            // Parse the body on its own first, so its errors name its own lines and columns.
            let added: [Quad]
            do {
                added = try RDFParser.parseAll(.bytes(body, name: bodyName),
                                               options: ParseOptions(syntax: syntax, baseIRI: graph, maxBytes: limit))
            } catch let error as RDFSyntaxError {
                throw refusal(error)
            }
            var merge = GraphMerge(graph: graph)
            for name in [graph] + existing.namedGraphs {
                var quads: [Quad] = []
                do {
                    try node.store.export(graph: name) { quads.append($0) }
                } catch StoreError.noSuchGraph {
                    continue  // a description whose own graph holds nothing
                }
                merge.addExisting(quads)
            }
            merge.addNew(added)
            return try publish(merge.document, syntax: .nquads, graph: graph, node: node,
                               name: "the description <\(graph)> merged with the request body", limit: nil)
        }
        return published(outcome, request: request)
    }

    // MARK: DELETE

    private static func delete(_ request: Request, node: GrapevineNode) async throws -> Response {
        let (graph, _, _) = try await writeRequest(request, node: node, readBody: false)
        try await BlockingWork.run {
            writes.lock()
            defer { writes.unlock() }
            let descriptions = try node.store.descriptions()
            guard descriptions.contains(where: { $0.graph == graph }) else {
                try refuseIfOwned(graph, by: descriptions)
                throw ProtocolError(.notFound, "no graph <\(graph)> in this store")
            }
            // With the node's identity this stores a signed retraction, which gossip carries on.
            do {
                try node.publisher.retract([graph])
            } catch let error as StoreError {
                throw refusal(error)
            }
        }
        return Response(status: .noContent)
    }

    // MARK: Shared by the writes

    private static let bodyName = "request body"

    /// Checks the token and the target, reads the body and its syntax, in that order: a client
    /// without the token learns nothing else.
    private static func writeRequest(_ request: Request, node: GrapevineNode,
                                     readBody: Bool) async throws -> (graph: String, body: [UInt8], syntax: Syntax?) {
        try WriteAuthorization.check(request, token: node.configuration.token)
        let target = try GraphTarget.from(try parameters(request))
        guard case .named(let graph) = target else {
            throw ProtocolError(.methodNotAllowed, """
                the default graph of this store is the union of every description and cannot be written; \
                write one description with ?graph=IRI
                """, headers: [.allow: "GET, HEAD"])
        }
        guard readBody else { return (graph, [], nil) }
        var syntax: Syntax?
        switch RDFContentType.declared(RequestBodyReader.mediaType(of: request)) {
        case .syntax(let declared): syntax = declared
        case .unspecified: syntax = nil
        case .unsupported(let type):
            throw ProtocolError(.unsupportedMediaType, "\(type) is not an RDF syntax this node reads; send one of \(RDFContentType.accepted)")
        }
        let body = try await RequestBodyReader.collect(request, limit: node.configuration.maxBodyBytes)
        guard !body.isEmpty else {
            throw ProtocolError(.badRequest, "the request body is empty; send a description (to remove a graph, DELETE it)")
        }
        if syntax == nil {
            syntax = Syntax.sniff(Array(body.prefix(4096)))
            guard syntax != nil else {
                throw ProtocolError(.unsupportedMediaType, "cannot tell the RDF syntax of the body; send Content-Type: one of \(RDFContentType.accepted)")
            }
        }
        return (graph, body, syntax)
    }

    /// Publishes `body` as the description `graph`; errors become refusals. Runs in BlockingWork.
    private static func publish(_ body: [UInt8], syntax: Syntax?, graph: String, node: GrapevineNode,
                                name: String = bodyName, limit: Int?) throws -> PublishOutcome {
        let request = PublishRequest(source: .bytes(body, name: name), graph: graph,
                                     parse: ParseOptions(syntax: syntax, baseIRI: graph, maxBytes: limit))
        do {
            return try node.publisher.publish(request)
        } catch let error as RDFSyntaxError {
            throw refusal(error)
        } catch let error as RulesViolated {
            throw ProtocolError(.unprocessableContent, error.description)
        } catch let error as StoreError {
            throw refusal(error)
        } catch let error as PublishRefused {
            throw ProtocolError(.badRequest, error.description)
        }
    }

    /// 409 for a graph this node may not write (another description's named graph, another
    /// publisher's description, a version already superseded); other store errors are failures.
    private static func refusal(_ error: StoreError) -> any Error {
        switch error {
        case .graphOwnedByAnotherDescription, .graphOwnedByPublisher, .staleVersion:
            ProtocolError(.conflict, error.description)
        case .noSuchGraph(let graph):
            ProtocolError(.notFound, "no graph <\(graph)> in this store")
        case .incompatibleDatabase:
            error
        }
    }

    private static func published(_ outcome: PublishOutcome, request: Request) -> Response {
        if outcome.replaced { return Response(status: .noContent) }
        return PlainText.response(.created, "published <\(outcome.graph)>: \(outcome.quadCount) quads",
                                  headers: [.location: "/store?graph=" + FormParameters.encode(outcome.graph)])
    }

    /// 409 when `graph` is a named graph inside another description.
    private static func refuseIfOwned(_ graph: String, by descriptions: [DescriptionRecord]) throws {
        if let owner = descriptions.first(where: { $0.namedGraphs.contains(graph) }) {
            throw ProtocolError(.conflict, """
                graph <\(graph)> is part of the description <\(owner.graph)>; \
                write or delete that description (?graph=\(owner.graph)) instead
                """)
        }
    }

    /// The status for a body that could not be read as RDF.
    static func refusal(_ error: RDFSyntaxError) -> ProtocolError {
        var place = ""
        if let line = error.line {
            place = "line \(line)"
            if let column = error.column { place += ", column \(column)" }
            place += ": "
        }
        switch error.kind {
        case .tooLarge:
            return ProtocolError(.contentTooLarge, "\(error.source): \(error.message)")
        case .unknownSyntax:
            return ProtocolError(.unsupportedMediaType, "cannot tell the RDF syntax of the body; send Content-Type: one of \(RDFContentType.accepted)")
        case .syntax, .encoding, .io:
            return ProtocolError(.badRequest, "malformed \(error.source): \(place)\(error.message); nothing was changed")
        }
    }
}
