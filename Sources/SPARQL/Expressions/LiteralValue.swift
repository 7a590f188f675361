import RDF

/// What a literal means to the SPARQL operators (§17.3): the value spaces they interpret, and
/// `other` for literals they do not (unknown datatypes, and ill-typed forms of known ones, such as
/// `"abc"^^xsd:integer`, which compare only as terms).
enum LiteralValue {
    case numeric(NumericValue)
    /// A simple literal or xsd:string (the same thing in RDF 1.1).
    case string(String)
    case langString(String, language: String)
    case boolean(Bool)
    case dateTime(DateTimeValue)
    case date(DateTimeValue)
    case other

    init(_ literal: Literal) {
        if let language = literal.language {
            self = .langString(literal.lexical, language: language)
            return
        }
        switch literal.datatype {
        case XSDDatatype.string:
            self = .string(literal.lexical)
        case XSDDatatype.boolean:
            self = XSDLexical.boolean(literal.lexical).map(LiteralValue.boolean) ?? .other
        case XSDDatatype.dateTime:
            self = DateTimeValue(dateTime: literal.lexical).map(LiteralValue.dateTime) ?? .other
        case XSDDatatype.date:
            self = DateTimeValue(date: literal.lexical).map(LiteralValue.date) ?? .other
        default:
            self = NumericValue(literal).map(LiteralValue.numeric) ?? .other
        }
    }
}
