import Foundation
import RDF
@testable import SPARQL

/// Shorthands for building expressions and terms in the expression tests.
enum X {
    static let xsd = XSD.namespace

    static func int(_ value: Int) -> SPARQL.Expression { .term(.literal(String(value), datatype: XSD.integer)) }
    static func dec(_ lexical: String) -> SPARQL.Expression { .term(.literal(lexical, datatype: XSD.decimal)) }
    static func dbl(_ lexical: String) -> SPARQL.Expression { .term(.literal(lexical, datatype: XSD.double)) }
    static func flt(_ lexical: String) -> SPARQL.Expression { .term(.literal(lexical, datatype: xsd + "float")) }
    static func str(_ lexical: String) -> SPARQL.Expression { .term(.literal(lexical)) }
    static func lang(_ lexical: String, _ tag: String) -> SPARQL.Expression { .term(.literal(lexical, language: tag)) }
    static func typed(_ lexical: String, _ datatype: String) -> SPARQL.Expression { .term(.literal(lexical, datatype: datatype)) }
    static func bool(_ value: Bool) -> SPARQL.Expression { .term(value ? T.true : T.false) }
    static func dateTime(_ lexical: String) -> SPARQL.Expression { typed(lexical, XSD.dateTime) }
    static func iri(_ value: String) -> SPARQL.Expression { .term(.iri(value)) }
    static func blank(_ label: String) -> SPARQL.Expression { .term(.blank(label)) }
    static func v(_ name: String) -> SPARQL.Expression { .variable(Variable(name)) }
    static func call(_ name: String, _ arguments: SPARQL.Expression...) -> SPARQL.Expression { .call(name, arguments) }
    /// An expression that always errs (1/0).
    static let error = SPARQL.Expression.divide(int(1), int(0))
}

/// Shorthands for expected terms.
enum T {
    static let `true` = Term.literal("true", datatype: XSD.boolean)
    static let `false` = Term.literal("false", datatype: XSD.boolean)
    static func int(_ value: Int) -> Term { .literal(String(value), datatype: XSD.integer) }
    static func dec(_ lexical: String) -> Term { .literal(lexical, datatype: XSD.decimal) }
    static func dbl(_ lexical: String) -> Term { .literal(lexical, datatype: XSD.double) }
    static func flt(_ lexical: String) -> Term { .literal(lexical, datatype: XSD.namespace + "float") }
    static func str(_ lexical: String) -> Term { .literal(lexical) }
    static func lang(_ lexical: String, _ tag: String) -> Term { .literal(lexical, language: tag) }
    static func typed(_ lexical: String, _ datatype: String) -> Term { .literal(lexical, datatype: datatype) }
    static func bool(_ value: Bool) -> Term { value ? Self.true : Self.false }
}

/// Evaluates with fresh state; nil when the expression errs.
func evaluated(_ expression: SPARQL.Expression, _ bindings: [String: Term] = [:], context: ExpressionContext = ExpressionContext()) -> Term? {
    try? ExpressionEvaluator(context: context).evaluate(expression, binding: { bindings[$0.name] })
}

func passes(_ expression: SPARQL.Expression, _ bindings: [String: Term] = [:]) -> Bool {
    ExpressionEvaluator(context: ExpressionContext()).isTrue(expression, binding: { bindings[$0.name] })
}

/// The numeric value of a result, for checks that should not depend on lexical forms.
func number(_ term: Term?) -> Double? {
    guard case .literal(let literal)? = term else { return nil }
    return NumericValue(literal)?.doubleValue
}
