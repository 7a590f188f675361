import Foundation

/// XPath regular expressions (XPath F&O §7.6, used by REGEX and REPLACE) on top of ICU's
/// `NSRegularExpression`, compiled once per (pattern, flags) and cached.
///
/// Flags: `i` case-insensitive, `m` multi-line (`^`/`$` at line boundaries), `s` dot-all,
/// `x` whitespace in the pattern ignored (outside character classes), `q` the pattern is a literal
/// string. Translation for ICU: without `m`, `$` matches only at the very end (ICU also matches
/// before a final newline); character class subtraction `[a-z-[aeiou]]` becomes ICU's `--`.
final class XPathRegex {
    private var cache: [String: NSRegularExpression] = [:]

    /// The compiled expression; throws for unknown flags and invalid patterns.
    func compile(_ pattern: String, flags: String) throws -> NSRegularExpression {
        let key = flags + "\u{0}" + pattern
        if let cached = cache[key] { return cached }
        var options: NSRegularExpression.Options = []
        var literal = false
        var extended = false
        for flag in flags {
            switch flag {
            case "i": options.insert(.caseInsensitive)
            case "m": options.insert(.anchorsMatchLines)
            case "s": options.insert(.dotMatchesLineSeparators)
            case "x": extended = true
            case "q": literal = true
            default: throw ExpressionError("unknown regular expression flag \"\(flag)\"")
            }
        }
        let translated = literal
            ? NSRegularExpression.escapedPattern(for: pattern)
            : Self.translate(pattern, removeWhitespace: extended, multiline: options.contains(.anchorsMatchLines))
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: translated, options: options)
        } catch {
            throw ExpressionError("invalid regular expression \"\(pattern)\"")
        }
        if cache.count > 256 { cache.removeAll() }
        cache[key] = regex
        return regex
    }

    static func translate(_ pattern: String, removeWhitespace: Bool, multiline: Bool) -> String {
        var output = ""
        var classDepth = 0
        var characters = pattern.makeIterator()
        var previous: Character?
        while let character = characters.next() {
            defer { previous = character }
            if character == "\\" {
                output.append(character)
                if let escaped = characters.next() { output.append(escaped) }
                continue
            }
            if removeWhitespace, classDepth == 0, character == " " || character == "\t" || character == "\n" || character == "\r" {
                continue
            }
            switch character {
            case "[":
                // XPath subtraction `-[` inside a class is ICU's `--[`.
                if classDepth > 0, previous == "-" { output.append("-") }
                classDepth += 1
            case "]":
                if classDepth > 0 { classDepth -= 1 }
            case "$" where classDepth == 0 && !multiline:
                output += "\\z"
                continue
            default:
                break
            }
            output.append(character)
        }
        return output
    }

    /// fn:matches: does the pattern match anywhere in `text`?
    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// fn:replace: every non-overlapping match replaced; `$N` in the replacement is group N (empty
    /// when the group did not take part), `\$` and `\\` are a literal `$` and `\`. With the `q`
    /// flag the replacement is literal too. Errors when the pattern matches the empty string or the
    /// replacement is malformed.
    static func replace(_ text: String, _ regex: NSRegularExpression, with replacement: String, literalReplacement: Bool) throws -> String {
        if regex.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
            throw ExpressionError("the pattern of REPLACE matches the empty string")
        }
        let template = literalReplacement ? [.text(replacement)] : try parseTemplate(replacement, groups: regex.numberOfCaptureGroups)
        var output = ""
        var cursor = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            output += text[cursor..<range.lowerBound]
            for piece in template {
                switch piece {
                case .text(let literal):
                    output += literal
                case .group(let number):
                    if let groupRange = Range(match.range(at: number), in: text) { output += text[groupRange] }
                }
            }
            cursor = range.upperBound
        }
        output += text[cursor...]
        return output
    }

    private enum TemplatePiece {
        case text(String)
        case group(Int)
    }

    private static func parseTemplate(_ replacement: String, groups: Int) throws -> [TemplatePiece] {
        var pieces: [TemplatePiece] = []
        var text = ""
        var characters = Array(replacement)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\\":
                guard let next = characters.popFirst(), next == "\\" || next == "$" else {
                    throw ExpressionError("invalid escape in REPLACE replacement \"\(replacement)\"")
                }
                text.append(next)
            case "$":
                guard let first = characters.first, let digit = first.wholeNumberValue, first.isASCII else {
                    throw ExpressionError("\"$\" without a group number in REPLACE replacement \"\(replacement)\"")
                }
                characters.removeFirst()
                var number = digit
                // Take more digits while they still name an existing group.
                while let next = characters.first, next.isASCII, let more = next.wholeNumberValue, number * 10 + more <= groups {
                    number = number * 10 + more
                    characters.removeFirst()
                }
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                if number <= groups { pieces.append(.group(number)) }
            default:
                text.append(character)
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }
}
