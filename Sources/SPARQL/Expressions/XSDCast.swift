import Foundation
import RDF

/// XSD constructor functions (§17.5): `xsd:string(…)`, `xsd:boolean`, `xsd:integer`,
/// `xsd:decimal`, `xsd:float`, `xsd:double`, `xsd:dateTime`, per SPARQL's casting table.
///
/// Strings cast by their lexical form (surrounding whitespace ignored, as XSD collapses it); typed
/// values cast by value, and to xsd:string in XPath's canonical form (`1.0` → "1", `1E0` → "1").
/// IRIs cast only to xsd:string. Blank nodes, language-tagged literals, literals of other
/// datatypes and ill-typed literals are errors. Results are in canonical form.
enum XSDCast {
    static let targets: Set<String> = [
        XSDDatatype.string, XSDDatatype.boolean, XSDDatatype.integer, XSDDatatype.decimal,
        XSDDatatype.float, XSDDatatype.double, XSDDatatype.dateTime,
    ]

    static func cast(_ term: Term, to target: String) throws -> Term {
        let literal: Literal
        switch term {
        case .iri(let iri):
            guard target == XSDDatatype.string else { throw failure(term, target) }
            return .literal(iri)
        case .blank:
            throw failure(term, target)
        case .literal(let value):
            guard value.language == nil else { throw failure(term, target) }
            literal = value
        }
        let value = LiteralValue(literal)
        if case .string(let text) = value {
            return try fromString(text.trimmingCharacters(in: .xsdWhitespace), to: target, term)
        }
        switch target {
        case XSDDatatype.string:
            switch value {
            case .numeric(let number): return .literal(xpathString(number))
            case .boolean(let flag): return .literal(flag ? "true" : "false")
            case .dateTime, .date: return .literal(literal.lexical)
            default: throw failure(term, target)
            }
        case XSDDatatype.boolean:
            switch value {
            case .numeric(let number): return ResultTerm.boolean(!(number.isZero || number.isNaN))
            case .boolean(let flag): return ResultTerm.boolean(flag)
            default: throw failure(term, target)
            }
        case XSDDatatype.integer, XSDDatatype.decimal, XSDDatatype.float, XSDDatatype.double:
            let number: NumericValue
            switch value {
            case .numeric(let n): number = n
            case .boolean(let flag): number = .integer(flag ? 1 : 0)
            default: throw failure(term, target)
            }
            return try convert(number, to: target, term).term
        case XSDDatatype.dateTime:
            switch value {
            case .dateTime: return .literal(literal.lexical, datatype: XSDDatatype.dateTime)
            case .date(let date): return .literal(date.dateTimeLexical, datatype: XSDDatatype.dateTime)
            default: throw failure(term, target)
            }
        default:
            throw ExpressionError("unknown cast to <\(target)>")
        }
    }

    private static func fromString(_ text: String, to target: String, _ term: Term) throws -> Term {
        switch target {
        case XSDDatatype.string:
            return .literal(text)
        case XSDDatatype.boolean:
            guard let flag = XSDLexical.boolean(text) else { throw failure(term, target) }
            return ResultTerm.boolean(flag)
        case XSDDatatype.integer:
            guard let number = XSDLexical.integer(text) else { throw failure(term, target) }
            return number.term
        case XSDDatatype.decimal:
            guard let number = XSDLexical.decimal(text) else { throw failure(term, target) }
            return NumericValue.decimal(number).term
        case XSDDatatype.float:
            guard let number = XSDLexical.float(text) else { throw failure(term, target) }
            return NumericValue.float(number).term
        case XSDDatatype.double:
            guard let number = XSDLexical.double(text) else { throw failure(term, target) }
            return NumericValue.double(number).term
        case XSDDatatype.dateTime:
            guard DateTimeValue(dateTime: text) != nil else { throw failure(term, target) }
            return .literal(text, datatype: XSDDatatype.dateTime)
        default:
            throw ExpressionError("unknown cast to <\(target)>")
        }
    }

    private static func convert(_ number: NumericValue, to target: String, _ term: Term) throws -> NumericValue {
        switch target {
        case XSDDatatype.float:
            return .float(number.floatValue)
        case XSDDatatype.double:
            return .double(number.doubleValue)
        default:
            if case .float(let value) = number, !value.isFinite { throw failure(term, target) }
            if case .double(let value) = number, !value.isFinite { throw failure(term, target) }
            let decimal = number.decimalValue
            guard !decimal.isNaN else { throw failure(term, target) }
            if target == XSDDatatype.decimal { return .decimal(decimal) }
            switch number {
            case .integer, .bigInteger: return number
            default: return NumericValue(integral: NumericValue.round(decimal, .towardZero))
            }
        }
    }

    /// Casting a number to xsd:string (XPath 2.0 §17.1.2).
    private static func xpathString(_ number: NumericValue) -> String {
        switch number {
        case .integer, .bigInteger: number.lexical
        case .decimal(let value): XSDLexical.xpathString(value)
        case .float(let value): XSDLexical.xpathString(value)
        case .double(let value): XSDLexical.xpathString(value)
        }
    }

    private static func failure(_ term: Term, _ target: String) -> ExpressionError {
        ExpressionError("cannot cast \(term) to <\(target)>")
    }
}

private extension CharacterSet {
    static let xsdWhitespace = CharacterSet(charactersIn: " \t\n\r")
}
