import Crypto
import Foundation
import Publishing

/// A gossip request signed by its sender's key.
///
/// A peer's id is its public key, so a signed request proves who sent it. Only then may invalid
/// data count against that id: without the signature anyone could send garbage under an honest
/// peer's id and get it banned everywhere.
public enum PeerSignature {
    /// Signatures older or newer than this are refused (peers' clocks may differ a little).
    public static let window: TimeInterval = 300

    /// The header value: `t=<unix seconds>;sig=<base64 Ed25519 signature>`.
    public static func sign(path: String, body: [UInt8], by identity: PeerIdentity, at time: Date = Date()) throws -> String {
        let seconds = Int64(time.timeIntervalSince1970)
        let signature = try identity.sign(message(seconds: seconds, path: path, body: body))
        return "t=\(seconds);sig=" + Data(signature).base64EncodedString()
    }

    /// Whether `header` is `id`'s signature of this request, made within the window.
    public static func verify(_ header: String?, by id: PeerID, path: String, body: [UInt8], now: Date = Date()) -> Bool {
        guard let header else { return false }
        let fields = header.split(separator: ";")
        guard fields.count == 2, fields[0].hasPrefix("t="), fields[1].hasPrefix("sig="),
              let seconds = Int64(fields[0].dropFirst(2)),
              let signature = Data(base64Encoded: String(fields[1].dropFirst(4))),
              abs(now.timeIntervalSince1970 - Double(seconds)) <= window else { return false }
        return id.verify(signature: [UInt8](signature), of: message(seconds: seconds, path: path, body: body))
    }

    private static func message(seconds: Int64, path: String, body: [UInt8]) -> Data {
        let bodyHash = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return Data("grapevine-gossip-peer/1\n\(seconds)\n\(path)\n\(bodyHash)".utf8)
    }
}
