import Foundation
import Hummingbird

/// Reads a request body whole, under the node's size limit.
///
/// A declared `Content-Length` over the limit is refused before a byte is read; a body sent
/// without one (chunked) is refused as soon as it passes the limit, so the node never holds more
/// than `limit` bytes of one request.
enum RequestBodyReader {
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength], let length = Int(declared), length > limit {
            throw ProtocolError.bodyTooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // NIO's "too many bytes", which Hummingbird maps to 413.
            throw ProtocolError.bodyTooLarge(limit: limit)
        }
        return Array(buffer.readableBytesView)
    }

    /// The media type of `Content-Type`, lower-cased, without parameters; nil when absent.
    static func mediaType(of request: Request) -> String? {
        guard let value = request.headers[.contentType] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        return type.isEmpty ? nil : type
    }
}
