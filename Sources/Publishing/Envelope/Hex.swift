/// Lowercase hexadecimal, as envelopes write digests.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes lowercase hex only: an uppercase spelling would be a second form of one digest.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 2 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = digits.firstIndex(of: characters[index]),
                  let low = digits.firstIndex(of: characters[index + 1]) else { return nil }
            output.append(UInt8(high << 4 | low))
            index += 2
        }
        return output
    }
}
