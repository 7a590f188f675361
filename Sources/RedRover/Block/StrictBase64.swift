/// Base64 (RFC 4648 §4) decoded strictly: the standard alphabet only, padding only at the end,
/// a length that is a multiple of four, and zero bits where the last character has spare ones.
///
/// Lenient decoders skip stray characters and ignore spare bits, so two different texts decode
/// to the same bytes; strictly, every text has at most one meaning, and any changed character
/// either changes the bytes (which the signature then refuses) or is refused here.
enum StrictBase64 {
    /// Where and why the text is not base64; `offset` counts characters of the joined text.
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = Int8(index) }
        return table
    }()

    /// The base64 text of `bytes`, as ASCII bytes.
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let alphabet = Self.alphabet
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = 0
            for offset in 0..<3 { group = group << 8 | (offset < count ? Int(bytes[index + offset]) : 0) }
            for offset in 0..<4 {
                output.append(offset <= count ? alphabet[(group >> (18 - 6 * offset)) & 63] : UInt8(ascii: "="))
            }
            index += 3
        }
        return output
    }

    static func decode(_ text: [UInt8]) -> Result<[UInt8], Failure> {
        let equals = UInt8(ascii: "=")
        let padding = text.reversed().prefix { $0 == equals }.count
        for (offset, character) in text.enumerated() where values[Int(character)] < 0 {
            if character == equals && offset >= text.count - padding && padding <= 2 { continue }
            let shown = (0x21...0x7E).contains(character) ? "'\(UnicodeScalar(character))'" : "byte 0x\(String(character, radix: 16))"
            return .failure(Failure(offset: offset, reason: character == equals
                ? "'=' (padding) before the end" : "\(shown) is not a base64 character"))
        }
        guard text.count % 4 == 0 else {
            return .failure(Failure(offset: text.count, reason: """
                the base64 text has \(text.count) characters, not a multiple of 4 (one is missing or extra)
                """))
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3)
        var index = 0
        while index < text.count {
            var group = 0
            for offset in 0..<4 {
                let character = text[index + offset]
                group = group << 6 | (character == equals ? 0 : Int(values[Int(character)]))
            }
            let kept = index + 4 == text.count ? 3 - padding : 3
            if kept < 3 && group & ((1 << (8 * (3 - kept))) - 1) != 0 {
                return .failure(Failure(offset: text.count - padding - 1,
                                        reason: "the last character before the padding sets bits that base64 leaves zero"))
            }
            for offset in 0..<kept { output.append(UInt8((group >> (16 - 8 * offset)) & 0xFF)) }
            index += 4
        }
        return .success(output)
    }
}
