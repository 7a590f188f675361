/// The text form of a hints block: the envelope in base64 lines between two marker lines, so it
/// survives any mail client that leaves plain text alone.
///
/// Reading tolerates what forwarding does to plain text without changing it: quoting prefixes
/// (`> `, `>> `), indentation, trailing spaces, CR line ends and blank lines between the base64
/// lines. None of those can be part of base64, so dropping them cannot change the bytes; anything
/// else in the lines is refused, never skipped.
enum HintArmor {
    static let beginLine = "-----BEGIN GRAPEVINE HINTS-----"
    static let endLine = "-----END GRAPEVINE HINTS-----"
    static let lineLength = 64

    /// The armored text of `bytes`, ending in a line end.
    static func armor(_ bytes: [UInt8]) -> String {
        let encoded = StrictBase64.encode(bytes)
        var text: [UInt8] = []
        text.reserveCapacity(encoded.count + encoded.count / lineLength + 80)
        text.append(contentsOf: beginLine.utf8)
        text.append(UInt8(ascii: "\n"))
        var start = 0
        while start < encoded.count {
            let end = min(start + lineLength, encoded.count)
            text.append(contentsOf: encoded[start..<end])
            text.append(UInt8(ascii: "\n"))
            start = end
        }
        text.append(contentsOf: endLine.utf8)
        text.append(UInt8(ascii: "\n"))
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of every block in `text`, in order. Throws `.armor` for a block that is not
    /// complete, strict base64.
    static func blocks(in text: String) throws(HintBlockError) -> [[UInt8]] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(unquoted)
        var blocks: [[UInt8]] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index] == beginLine else { continue }
            var base64: [UInt8] = []
            // The base64 line (counted from 1) and its first offset in `base64`, for messages.
            var lineStarts: [Int] = []
            index += 1
            while index < lines.count && lines[index] != endLine {
                if lines[index] == beginLine {
                    throw HintBlockError(.armor, "the hints block has a second BEGIN line before its END line")
                }
                if !lines[index].isEmpty {
                    lineStarts.append(base64.count)
                    base64 += lines[index].utf8
                }
                index += 1
            }
            guard index < lines.count else {
                throw HintBlockError(.armor, "the hints block has no \(endLine) line (the mail was cut short?)")
            }
            guard !base64.isEmpty else { throw HintBlockError(.armor, "the hints block is empty") }
            switch StrictBase64.decode(base64) {
            case .success(let bytes):
                blocks.append(bytes)
            case .failure(let failure):
                let line = lineStarts.lastIndex { $0 <= failure.offset } ?? 0
                throw HintBlockError(.armor, """
                    the hints block is damaged: base64 line \(line + 1), character \(failure.offset - lineStarts[line] + 1): \
                    \(failure.reason)
                    """)
            }
        }
        return blocks
    }

    /// A line without quoting prefixes and surrounding whitespace.
    private static func unquoted(_ line: Substring) -> Substring {
        var text = line.drop { $0 == ">" || $0.isWhitespace }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
