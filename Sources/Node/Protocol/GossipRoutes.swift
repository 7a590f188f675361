import Foundation
import Gossip
import HTTPTypes
import Hummingbird
import Logging
import Publishing

/// `POST /gossip/exchange` and `POST /gossip/push`: the node's side of anti-entropy.
///
/// Each refusal is logged with the peer and the reason, and changes nothing: without the network
/// key's proof 401/403; without the sender's signature 401; a body over the limit 413; bytes that
/// do not decode 400 (and a mark against the peer that signed them); a banned peer 403.
enum GossipRoutes {
    static func register(on router: Router<BasicRequestContext>, node: GrapevineNode) {
        router.post(RouterPath(GossipHTTP.exchangePath)) { request, _ in
            await respond(request, path: GossipHTTP.exchangePath, node: node) { body, sender, gossip in
                let message = try GossipCodec.decodeExchangeRequest(body, limits: gossip.limits)
                try checkSender(message.sender.id, signedBy: sender)
                return GossipCodec.encode(try await gossip.engine.handleExchange(message))
            }
        }
        router.post(RouterPath(GossipHTTP.pushPath)) { request, _ in
            await respond(request, path: GossipHTTP.pushPath, node: node) { body, sender, gossip in
                let message = try GossipCodec.decodePushRequest(body, limits: gossip.limits)
                try checkSender(message.sender.id, signedBy: sender)
                return GossipCodec.encode(try await gossip.engine.handlePush(message))
            }
        }
    }

    /// The message's own sender field must be the peer that signed it.
    private static func checkSender(_ named: PeerID, signedBy sender: PeerID) throws {
        guard named == sender else {
            throw ProtocolError(.forbidden, "the message names peer \(named) as its sender, but \(sender) signed it")
        }
    }

    private static func respond(_ request: Request, path: String, node: GrapevineNode,
                                _ handle: ([UInt8], PeerID, NodeGossip) async throws -> [UInt8]) async -> Response {
        let gossip = node.gossip
        let claimed = request.headers[values: HTTPField.Name(GossipHTTP.peerHeader)!].first
        let peer = claimed.flatMap { PeerID($0) }
        let who = claimed.map { "peer \($0.prefix(60))" } ?? "a peer that gave no id"
        do {
            let body = try await RequestBodyReader.collect(request, limit: gossip.limits.maxMessageBytes)
            if let key = gossip.networkKey {
                let proof = request.headers[values: HTTPField.Name(GossipHTTP.proofHeader)!].first
                switch key.verify(proof, .request, path: path, body: body) {
                case .valid: break
                case .missing:
                    throw ProtocolError(.unauthorized, "this network needs a key: gossip requests must carry \(GossipHTTP.proofHeader)")
                case let verdict:
                    throw ProtocolError(.forbidden, "the network proof is \(verdict); this node does not know the sender as a member")
                }
            }
            let signature = request.headers[values: HTTPField.Name(GossipHTTP.signatureHeader)!].first
            guard let sender = peer, PeerSignature.verify(signature, by: sender, path: path, body: body) else {
                // Unsigned data cannot be held against anyone: it is refused, and no peer pays.
                throw ProtocolError(.unauthorized, "gossip requests must name the sending peer (\(GossipHTTP.peerHeader)) and carry its signature (\(GossipHTTP.signatureHeader))")
            }
            let answer: [UInt8]
            do {
                answer = try await handle(body, sender, gossip)
            } catch let error as GossipCodecError {
                await gossip.engine.reportGarbage(from: nil, id: sender, reason: error.description)
                throw ProtocolError(.badRequest, "not a gossip message: \(error.description)")
            } catch let error as GossipRefusal {
                throw ProtocolError(.forbidden, error.description)
            }
            var headers: HTTPFields = [.contentType: GossipHTTP.contentType]
            if let key = gossip.networkKey {
                headers[HTTPField.Name(GossipHTTP.proofHeader)!] = key.proof(.response, path: path, body: answer)
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer)))
        } catch let error as ProtocolError {
            node.logger.warning("gossip: refused \(path) from \(who): \(error.message)")
            return error.response()
        } catch {
            node.logger.error("gossip: \(path) from \(who) failed: \(String(describing: error))")
            return PlainText.response(.internalServerError, "the node failed: \(error)")
        }
    }
}
