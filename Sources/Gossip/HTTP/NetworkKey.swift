import Crypto
import Foundation

/// The optional shared secret of a private network.
///
/// Every gossip request and answer carries a proof that its sender knows the key: an HMAC over
/// the direction, the time, the path and the body's SHA-256. A stranger can neither join (its
/// requests are refused) nor feed a member forged answers. The time bounds replays to a window;
/// replaying a gossip message inside it achieves nothing, because every message is idempotent.
public struct NetworkKey: Sendable {
    public enum Direction: String, Sendable {
        case request, response
    }

    public enum Verdict: Equatable, Sendable {
        case valid
        case missing
        case malformed
        case stale
        case wrong
    }

    /// Proofs older or newer than this are refused (clocks of peers may differ a little).
    public static let window: TimeInterval = 300

    private let key: SymmetricKey

    public init(secret: String) {
        // Hashing the secret gives a full-strength key whatever its length or alphabet.
        key = SymmetricKey(data: SHA256.hash(data: Data(("grapevine-network-key/1\n" + secret).utf8)))
    }

    /// The header value proving knowledge of the key: `t=<unix seconds>;mac=<base64>`.
    public func proof(_ direction: Direction, path: String, body: [UInt8], at time: Date = Date()) -> String {
        let seconds = Int64(time.timeIntervalSince1970)
        return "t=\(seconds);mac=" + Data(mac(direction, seconds: seconds, path: path, body: body)).base64EncodedString()
    }

    public func verify(_ header: String?, _ direction: Direction, path: String, body: [UInt8], now: Date = Date()) -> Verdict {
        guard let header else { return .missing }
        let fields = header.split(separator: ";")
        guard fields.count == 2, fields[0].hasPrefix("t="), fields[1].hasPrefix("mac="),
              let seconds = Int64(fields[0].dropFirst(2)),
              let given = Data(base64Encoded: String(fields[1].dropFirst(4))) else { return .malformed }
        guard abs(now.timeIntervalSince1970 - Double(seconds)) <= Self.window else { return .stale }
        // HMAC's own validator compares in constant time.
        let message = Self.message(direction, seconds: seconds, path: path, body: body)
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: message, using: key) ? .valid : .wrong
    }

    private func mac(_ direction: Direction, seconds: Int64, path: String, body: [UInt8]) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: Self.message(direction, seconds: seconds, path: path, body: body), using: key)
    }

    private static func message(_ direction: Direction, seconds: Int64, path: String, body: [UInt8]) -> Data {
        let bodyHash = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        return Data("grapevine-gossip/1\n\(direction.rawValue)\n\(seconds)\n\(path)\n\(bodyHash)".utf8)
    }
}
