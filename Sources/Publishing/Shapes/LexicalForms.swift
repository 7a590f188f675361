import Foundation
import RDF

/// Lexical-form checks for the XSD datatypes the shapes name (`sh:datatype` requires a
/// well-formed value, SHACL §4.1.1). Datatypes not listed here are accepted as written.
///
/// A large description checks hundreds of thousands of values: compiling a pattern per value
/// (`String.range(of:options: .regularExpression)`) cost more than storing the value. So the
/// patterns are compiled once, and the common integer forms are first tried byte by byte; a
/// value that fast check refuses still goes to the pattern, which stays the definition.
enum LexicalForms {
    static func isValid(_ lexical: String, datatype: String) -> Bool {
        switch datatype {
        case XSD.nonNegativeInteger:
            return isUnsignedDigits(lexical) || matches(lexical, Patterns.nonNegativeInteger) || matches(lexical, Patterns.negativeZero)
        case XSD.integer:
            return isUnsignedDigits(lexical) || matches(lexical, Patterns.integer)
        case XSD.decimal:
            return isUnsignedDigits(lexical) || matches(lexical, Patterns.decimal)
        case XSD.boolean:
            return ["true", "false", "1", "0"].contains(lexical)
        case XSD.date:
            return matches(lexical, Patterns.date)
        case XSD.dateTime:
            return matches(lexical, Patterns.dateTime) || matches(lexical, Patterns.endOfDay)
        default:
            return true
        }
    }

    /// `^[0-9]+$`, which every one of the integer patterns accepts.
    private static func isUnsignedDigits(_ text: String) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private static func matches(_ text: String, _ expression: NSRegularExpression) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// The lexical patterns, compiled once.
private enum Patterns {
    // NSRegularExpression is immutable once made and documented as safe to share between threads.
    nonisolated(unsafe) static let nonNegativeInteger = compile(#"^\+?[0-9]+$"#)
    nonisolated(unsafe) static let negativeZero = compile(#"^-0+$"#)
    nonisolated(unsafe) static let integer = compile(#"^[+-]?[0-9]+$"#)
    nonisolated(unsafe) static let decimal = compile(#"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"#)
    nonisolated(unsafe) static let date = compile(#"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?$"#)
    nonisolated(unsafe) static let dateTime = compile(#"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"#)
    nonisolated(unsafe) static let endOfDay = compile(#"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T24:00:00(\.0+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"#)

    private static func compile(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants of this file; one that does not compile is a programming error.
        try! NSRegularExpression(pattern: pattern)
    }
}
