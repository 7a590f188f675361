import Crypto
import RDF

/// MD5, SHA1, SHA256, SHA384, SHA512 (§17.4.6): the lower-case hex digest of the UTF-8 of a
/// simple literal or xsd:string.
enum HashFunctions {
    enum Algorithm: String { case md5 = "MD5", sha1 = "SHA1", sha256 = "SHA256", sha384 = "SHA384", sha512 = "SHA512" }

    static func hash(_ algorithm: Algorithm, _ term: Term) throws -> Term {
        let data = Array(try StringArgument.simple(term).utf8)
        let digest: [UInt8] = switch algorithm {
        case .md5: Array(Insecure.MD5.hash(data: data))
        case .sha1: Array(Insecure.SHA1.hash(data: data))
        case .sha256: Array(SHA256.hash(data: data))
        case .sha384: Array(SHA384.hash(data: data))
        case .sha512: Array(SHA512.hash(data: data))
        }
        let hex: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0xF)])
        }
        return .literal(text)
    }
}
