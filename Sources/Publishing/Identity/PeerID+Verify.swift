import Crypto
import Foundation

extension PeerID {
    /// Whether `signature` is this peer's Ed25519 signature of `bytes`. The id is the public
    /// key, so nothing needs to be looked up or trusted first.
    public func verify(signature: [UInt8], of bytes: some DataProtocol) -> Bool {
        guard signature.count == 64,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: bytes)
    }
}
