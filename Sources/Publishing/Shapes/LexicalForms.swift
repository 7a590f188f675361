import Foundation
import RDF

/// Lexical-form checks for the XSD datatypes the shapes name (`sh:datatype` requires a
/// well-formed value, SHACL §4.1.1). Datatypes not listed here are accepted as written.
enum LexicalForms {
    static func isValid(_ lexical: String, datatype: String) -> Bool {
        switch datatype {
        case XSD.nonNegativeInteger:
            return matches(lexical, #"^\+?[0-9]+$"#) || matches(lexical, #"^-0+$"#)
        case XSD.integer:
            return matches(lexical, #"^[+-]?[0-9]+$"#)
        case XSD.decimal:
            return matches(lexical, #"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"#)
        case XSD.boolean:
            return ["true", "false", "1", "0"].contains(lexical)
        case XSD.date:
            return matches(lexical, #"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?$"#)
        case XSD.dateTime:
            return matches(lexical, #"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"#)
                || matches(lexical, #"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T24:00:00(\.0+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"#)
        default:
            return true
        }
    }

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}
