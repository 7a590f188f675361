import Foundation
import Hummingbird

/// The name/value pairs of a URL query string or an `application/x-www-form-urlencoded` body, in
/// order, repeated names kept (`default-graph-uri` may come several times).
///
/// `+` is a space and `%XX` a byte of UTF-8, as browsers and HTML forms encode them; a pair
/// without `=` has an empty value (`?default`). Malformed escapes or bytes that are not UTF-8 are
/// an error, never silently replaced.
struct FormParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// Parses `text`; `what` names the source in messages ("the query string", "the form body").
    init(parsing text: Substring, what: String) throws(ProtocolError) {
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], what: what)
            let value = parts.count > 1 ? try Self.decode(parts[1], what: what) : ""
            pairs.append((name, value))
        }
    }

    /// Every value of `name`, in order.
    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    func contains(_ name: String) -> Bool {
        pairs.contains { $0.name == name }
    }

    /// The one value of `name`; nil when absent, an error when given more than once.
    func single(_ name: String) throws(ProtocolError) -> String? {
        let all = values(name)
        guard all.count <= 1 else {
            throw ProtocolError(.badRequest, "the parameter '\(name)' was given \(all.count) times; give it once")
        }
        return all.first
    }

    /// These pairs followed by `other`'s.
    func merging(_ other: FormParameters) -> FormParameters {
        FormParameters(pairs: pairs + other.pairs)
    }

    /// Percent-encodes a value for a query string: everything but RFC 3986's unreserved characters.
    static func encode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    private static func decode(_ text: Substring, what: String) throws(ProtocolError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw ProtocolError(.badRequest, "\(what) has a malformed percent escape in '\(text.prefix(80))'")
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw ProtocolError(.badRequest, "\(what) is not UTF-8 once percent escapes are decoded")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
