/// Wraps text at word boundaries for a plain-text mail.
enum TextWrap {
    /// Mail clients show 72 columns comfortably and quote with "> " without re-wrapping.
    static let width = 72

    /// `text` in lines of at most `width` characters: the first starts with `firstPrefix`, the
    /// rest with `prefix`. A word longer than a line (a URL, say) gets a line of its own and is
    /// never broken: a broken link is worse than a long line.
    static func wrap(_ text: String, firstPrefix: String = "", prefix: String = "", width: Int = width) -> [String] {
        wrapASCII(text, firstPrefix: firstPrefix, prefix: prefix, width: width)
            ?? wrapByCharacters(text, firstPrefix: firstPrefix, prefix: prefix, width: width)
    }

    /// The general path, counting characters; `wrapASCII` must give the same lines.
    static func wrapByCharacters(_ text: String, firstPrefix: String, prefix: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = firstPrefix
        var lineHasWord = false
        for word in text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = prefix
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// The same for ASCII text and prefixes, where a byte is a character and the whitespace is
    /// tab, line feed, vertical tab, form feed, carriage return and space: counted on bytes, as
    /// a hub wraps a few lines of every mail it sends. Nil for anything else.
    private static func wrapASCII(_ text: String, firstPrefix: String, prefix: String, width: Int) -> [String]? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }), firstPrefix.utf8.allSatisfy({ $0 < 0x80 }), prefix.utf8.allSatisfy({ $0 < 0x80 }) else {
            return nil
        }
        var lines: [String] = []
        var line = Array(firstPrefix.utf8)
        var lineHasWord = false
        var index = 0
        while index < bytes.count {
            guard !isSpace(bytes[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count && !isSpace(bytes[end]) { end += 1 }
            if lineHasWord && line.count + 1 + (end - index) > width {
                lines.append(String(decoding: line, as: UTF8.self))
                line = Array(prefix.utf8)
                lineHasWord = false
            }
            if lineHasWord { line.append(UInt8(ascii: " ")) }
            line.append(contentsOf: bytes[index..<end])
            lineHasWord = true
            index = end
        }
        lines.append(String(decoding: line, as: UTF8.self))
        return lines
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
