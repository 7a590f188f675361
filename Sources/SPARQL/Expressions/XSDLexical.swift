import Foundation

/// Lexical forms of the XSD numeric and boolean types: strict recognizers (Foundation's own
/// parsers accept too much, e.g. `Decimal(string: "1x")` is 1) and canonical writers.
enum XSDLexical {
    // MARK: Recognizing

    /// `[+-]?[0-9]+`
    static func isInteger(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)`
    static func isDecimal(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digits = 0
        var sawPoint = false
        for byte in bytes {
            if isDigit(byte) {
                digits += 1
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return false
            }
        }
        return digits > 0
    }

    /// `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN` (XSD 1.1, which adds `+INF`).
    static func isDouble(_ s: String) -> Bool {
        if s == "INF" || s == "-INF" || s == "+INF" || s == "NaN" { return true }
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return isDecimal(s) }
        let mantissa = String(s[..<e])
        let exponent = String(s[s.index(after: e)...])
        return isDecimal(mantissa) && isInteger(exponent)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: Parsing

    /// An xsd:integer lexical form's value: an `Int` when it fits, else a `Decimal`.
    static func integer(_ s: String) -> NumericValue? {
        guard isInteger(s) else { return nil }
        if let value = Int(s) { return .integer(value) }
        guard let value = Decimal(string: s), !value.isNaN else { return nil }
        return .bigInteger(value)
    }

    static func decimal(_ s: String) -> Decimal? {
        guard isDecimal(s), let value = Decimal(string: s), !value.isNaN else { return nil }
        return value
    }

    static func double(_ s: String) -> Double? {
        switch s {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: return isDouble(s) ? Double(s) : nil
        }
    }

    static func float(_ s: String) -> Float? {
        switch s {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: return isDouble(s) ? Float(s) : nil
        }
    }

    /// xsd:boolean: `true`, `false`, `1`, `0`.
    static func boolean(_ s: String) -> Bool? {
        switch s {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    // MARK: Writing

    /// The canonical xsd:decimal form (XSD 1.0): no exponent, at least one digit after the point
    /// (`2.0`, `0.5`, `-1.25`), as the W3C results print decimals.
    static func canonical(_ value: Decimal) -> String {
        var text = value.description
        if text == "-0" { text = "0" }
        return text.contains(".") ? text : text + ".0"
    }

    /// The canonical xsd:double form (XSD 1.0): a mantissa with one digit before the point and at
    /// least one after, then the exponent (`1.0E0`, `3.21E4`, `-2.0E-1`, `INF`, `NaN`).
    static func canonical(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        return scientific(Digits(value.description))
    }

    /// The canonical xsd:float form, from the shortest decimal that reads back as the same `Float`.
    static func canonical(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        return scientific(Digits(value.description))
    }

    /// What casting a double to xsd:string gives (XPath 2.0 §17.1.2): plain decimal notation
    /// without a trailing `.0` when 1e-6 ≤ |v| < 1e6 (`1`, `1.25`, `0`, `-0`), else canonical.
    static func xpathString(_ value: Double) -> String {
        if value.isNaN || value.isInfinite { return canonical(value) }
        let magnitude = Swift.abs(value)
        if magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e6) { return plain(Digits(value.description)) }
        return canonical(value)
    }

    static func xpathString(_ value: Float) -> String {
        if value.isNaN || value.isInfinite { return canonical(value) }
        let magnitude = Swift.abs(value)
        if magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e6) { return plain(Digits(value.description)) }
        return canonical(value)
    }

    /// What casting a decimal to xsd:string gives: no trailing `.0` (`1`, `2.5`).
    static func xpathString(_ value: Decimal) -> String {
        let text = value.description
        return text == "-0" ? "0" : text
    }

    /// The significant digits of a number printed by Swift (`1.5e-07`, `100.0`, `-0.25`):
    /// value = ±d₁.d₂d₃… × 10^exponent, no leading or trailing zeros (empty for zero).
    private struct Digits {
        var negative = false
        var digits: [Character] = []
        var exponent = 0

        init(_ text: String) {
            var text = Substring(text)
            if text.first == "-" {
                negative = true
                text = text.dropFirst()
            }
            var exponentShift = 0
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                exponentShift = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
                text = text[..<e]
            }
            let point = text.firstIndex(of: ".") ?? text.endIndex
            let integerPart = text[..<point]
            let fractionPart = point < text.endIndex ? text[text.index(after: point)...] : ""
            var all = Array(integerPart) + Array(fractionPart)
            let leadingZeros = all.prefix { $0 == "0" }.count
            all.removeFirst(leadingZeros)
            while all.last == "0" { all.removeLast() }
            digits = all
            exponent = integerPart.count - leadingZeros - 1 + exponentShift
        }
    }

    private static func scientific(_ d: Digits) -> String {
        let sign = d.negative ? "-" : ""
        guard let first = d.digits.first else { return sign + "0.0E0" }
        let rest = d.digits.dropFirst()
        return sign + String(first) + "." + (rest.isEmpty ? "0" : String(rest)) + "E" + String(d.exponent)
    }

    private static func plain(_ d: Digits) -> String {
        let sign = d.negative ? "-" : ""
        if d.digits.isEmpty { return sign + "0" }
        if d.exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -d.exponent - 1) + String(d.digits)
        }
        let integerCount = d.exponent + 1
        if d.digits.count <= integerCount {
            return sign + String(d.digits) + String(repeating: "0", count: integerCount - d.digits.count)
        }
        return sign + String(d.digits.prefix(integerCount)) + "." + String(d.digits.dropFirst(integerCount))
    }
}
