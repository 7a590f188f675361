import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Publishing

/// Gossip between processes: each message is one POST of the binary `GossipCodec` encoding.
///
/// Answers are size-limited and decoded with the same limits as requests, so a misbehaving
/// partner cannot make this side allocate without bound either.
public struct HTTPGossipTransport: GossipTransport {
    private let client: HTTPClient
    private let sender: PeerIdentity
    private let networkKey: NetworkKey?
    private let limits: GossipLimits
    private let timeout: TimeAmount

    public init(client: HTTPClient, sender: PeerIdentity, networkKey: NetworkKey?, limits: GossipLimits = GossipLimits(),
                timeout: TimeAmount = .seconds(10)) {
        self.client = client
        self.sender = sender
        self.networkKey = networkKey
        self.limits = limits
        self.timeout = timeout
    }

    public func exchange(_ request: ExchangeRequest, with address: String) async throws -> ExchangeResponse {
        let answer = try await post(GossipCodec.encode(request), path: GossipHTTP.exchangePath, to: address)
        return try GossipCodec.decodeExchangeResponse(answer, limits: limits)
    }

    public func push(_ request: PushRequest, to address: String) async throws -> AcceptReport {
        let answer = try await post(GossipCodec.encode(request), path: GossipHTTP.pushPath, to: address)
        return try GossipCodec.decodeAcceptReport(answer, limits: limits)
    }

    private func post(_ body: [UInt8], path: String, to address: String) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: Self.trimmed(address) + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: GossipHTTP.contentType)
        request.headers.add(name: GossipHTTP.peerHeader, value: sender.id.description)
        request.headers.add(name: GossipHTTP.signatureHeader, value: try PeerSignature.sign(path: path, body: body, by: sender))
        if let networkKey {
            request.headers.add(name: GossipHTTP.proofHeader, value: networkKey.proof(.request, path: path, body: body))
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: limits.maxMessageBytes)
        let bytes = Array(buffer.readableBytesView)
        guard response.status == .ok else {
            let text = String(decoding: bytes.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GossipHTTPError(address: address, message: "HTTP \(response.status.code): \(text)")
        }
        if let networkKey {
            let verdict = networkKey.verify(response.headers.first(name: GossipHTTP.proofHeader), .response, path: path, body: bytes)
            guard verdict == .valid else {
                throw GossipHTTPError(address: address, message: "answer without a valid network proof (\(verdict))")
            }
        }
        return bytes
    }

    private static func trimmed(_ address: String) -> String {
        address.hasSuffix("/") ? String(address.dropLast()) : address
    }
}
