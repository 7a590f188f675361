/// Wraps text at word boundaries for a plain-text mail.
enum TextWrap {
    /// Mail clients show 72 columns comfortably and quote with "> " without re-wrapping.
    static let width = 72

    /// `text` in lines of at most `width` characters: the first starts with `firstPrefix`, the
    /// rest with `prefix`. A word longer than a line (a URL, say) gets a line of its own and is
    /// never broken: a broken link is worse than a long line.
    static func wrap(_ text: String, firstPrefix: String = "", prefix: String = "", width: Int = width) -> [String] {
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
}
