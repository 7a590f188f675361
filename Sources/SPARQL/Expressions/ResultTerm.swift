import RDF

/// Literals that expression results are made of.
enum ResultTerm {
    static let `true` = Term.literal("true", datatype: XSDDatatype.boolean)
    static let `false` = Term.literal("false", datatype: XSDDatatype.boolean)

    static func boolean(_ value: Bool) -> Term { value ? Self.true : Self.false }
    static func integer(_ value: Int) -> Term { .literal(String(value), datatype: XSDDatatype.integer) }
    static func string(_ value: String) -> Term { .literal(value) }
}
