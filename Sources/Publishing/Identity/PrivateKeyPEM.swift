import Foundation

/// The PKCS#8 PEM form of an Ed25519 private key (RFC 8410), the form `openssl genpkey
/// -algorithm ed25519` writes, so standard tools can read, inspect and back up the key.
///
/// An Ed25519 PKCS#8 document is always the same 16-byte DER prefix followed by the 32-byte seed,
/// so it is written and read here without a general ASN.1 parser.
enum PrivateKeyPEM {
    /// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }.
    static let derPrefix: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06,
                                     0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    static let begin = "-----BEGIN PRIVATE KEY-----"
    static let end = "-----END PRIVATE KEY-----"

    static func encode(seed: [UInt8]) -> String {
        let der = Data(derPrefix + seed)
        return begin + "\n" + der.base64EncodedString(options: .lineLength64Characters) + "\n" + end + "\n"
    }

    /// The 32-byte seed, or a reason the text is not such a key.
    static func decode(_ text: String) -> Result<[UInt8], DecodeFailure> {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard lines.first == begin else { return .failure(DecodeFailure("it does not begin with \(begin)")) }
        guard lines.count >= 3, lines.last == end else { return .failure(DecodeFailure("it does not end with \(end)")) }
        guard let der = Data(base64Encoded: lines[1..<(lines.count - 1)].joined()) else {
            return .failure(DecodeFailure("the text between the markers is not base64"))
        }
        let bytes = [UInt8](der)
        guard bytes.count == derPrefix.count + 32, Array(bytes.prefix(derPrefix.count)) == derPrefix else {
            return .failure(DecodeFailure("the key is not an Ed25519 key (\(bytes.count) bytes of DER)"))
        }
        return .success(Array(bytes.suffix(32)))
    }

    struct DecodeFailure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
