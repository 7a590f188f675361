/// A fragment of HTML that is safe to send: text interpolated into it is escaped.
///
/// Pages are written as string literals with interpolations. A `String` (or number) interpolated
/// into an `HTML` literal is escaped for use in both text and quoted attribute values; another
/// `HTML` value is inserted as it is. So the only way to put unescaped markup into a page is to
/// write it in a literal, or to ask for it by name with `HTML(unescaped:)`.
///
/// ```swift
/// let title = "Rock & <roll>"
/// let link: HTML = "<a href=\"\(url)\">\(title)</a>"   // → Rock &amp; &lt;roll&gt;
/// ```
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var rendered: String

    init(stringLiteral value: String) { rendered = value }

    init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.rendered }

    /// Markup taken as it is: only for trusted constants, never for data.
    init(unescaped markup: String) { rendered = markup }

    /// Text as HTML: the text, escaped.
    init(text: String) { rendered = Self.escape(text) }

    static let empty: HTML = ""

    var description: String { rendered }
    var isEmpty: Bool { rendered.isEmpty }

    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(unescaped: lhs.rendered + rhs.rendered) }
    static func += (lhs: inout HTML, rhs: HTML) { lhs.rendered += rhs.rendered }

    struct StringInterpolation: StringInterpolationProtocol {
        var rendered = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            rendered.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) { rendered += literal }
        mutating func appendInterpolation(_ html: HTML) { rendered += html.rendered }
        mutating func appendInterpolation(_ html: HTML?) { rendered += html?.rendered ?? "" }
        mutating func appendInterpolation(_ fragments: [HTML]) { for html in fragments { rendered += html.rendered } }
        mutating func appendInterpolation<S: StringProtocol>(_ text: S) { rendered += HTML.escape(String(text)) }
        mutating func appendInterpolation<N: BinaryInteger>(_ number: N) { rendered += String(number) }
    }

    /// Escapes text for HTML element content and for attribute values in single or double quotes.
    /// NUL and other C0 controls but tab, line feed and carriage return are not allowed in HTML
    /// text; they become U+FFFD.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension Array where Element == HTML {
    /// The fragments one after another, with `separator` between them.
    func joined(separator: HTML = .empty) -> HTML {
        var result = HTML.empty
        for (index, fragment) in enumerated() {
            if index > 0 { result += separator }
            result += fragment
        }
        return result
    }
}
