import RDF

/// The XML Schema datatypes that SPARQL expressions interpret (§17.1), by IRI.
///
/// `RDF.XSD` lists the ones the rest of Grapevine needs; this adds the numeric family with its
/// derived integer types and the few others the functions return.
enum XSDDatatype {
    static let ns = XSD.namespace
    static let string = XSD.string
    static let boolean = XSD.boolean
    static let integer = XSD.integer
    static let decimal = XSD.decimal
    static let float = ns + "float"
    static let double = XSD.double
    static let dateTime = XSD.dateTime
    static let date = XSD.date
    static let dayTimeDuration = ns + "dayTimeDuration"

    /// The four primitive numeric types of §17.3's promotion chain, in promotion order.
    enum NumericKind: Int, Comparable {
        case integer, decimal, float, double
        static func < (a: NumericKind, b: NumericKind) -> Bool { a.rawValue < b.rawValue }

        var datatype: String {
            switch self {
            case .integer: XSDDatatype.integer
            case .decimal: XSDDatatype.decimal
            case .float: XSDDatatype.float
            case .double: XSDDatatype.double
            }
        }
    }

    /// Value constraints of the types derived from xsd:integer (XSD Part 2 §3.4).
    /// nil bounds are unbounded; bounds outside `Int` are written as strings of digits.
    struct IntegerRange {
        var minimum: Int?
        var maximum: Int?
        /// xsd:unsignedLong's maximum (2^64 − 1) does not fit an Int.
        var unsignedLong = false
    }

    static let derivedIntegers: [String: IntegerRange] = [
        ns + "nonPositiveInteger": IntegerRange(minimum: nil, maximum: 0),
        ns + "negativeInteger": IntegerRange(minimum: nil, maximum: -1),
        ns + "long": IntegerRange(minimum: Int(Int64.min), maximum: Int(Int64.max)),
        ns + "int": IntegerRange(minimum: Int(Int32.min), maximum: Int(Int32.max)),
        ns + "short": IntegerRange(minimum: Int(Int16.min), maximum: Int(Int16.max)),
        ns + "byte": IntegerRange(minimum: Int(Int8.min), maximum: Int(Int8.max)),
        ns + "nonNegativeInteger": IntegerRange(minimum: 0, maximum: nil),
        ns + "unsignedLong": IntegerRange(minimum: 0, maximum: nil, unsignedLong: true),
        ns + "unsignedInt": IntegerRange(minimum: 0, maximum: Int(UInt32.max)),
        ns + "unsignedShort": IntegerRange(minimum: 0, maximum: Int(UInt16.max)),
        ns + "unsignedByte": IntegerRange(minimum: 0, maximum: Int(UInt8.max)),
        ns + "positiveInteger": IntegerRange(minimum: 1, maximum: nil),
    ]

    /// The primitive numeric kind of a datatype IRI (derived integer types are `.integer`), or nil.
    static func numericKind(of datatype: String) -> NumericKind? {
        switch datatype {
        case integer: .integer
        case decimal: .decimal
        case float: .float
        case double: .double
        default: derivedIntegers[datatype] != nil ? .integer : nil
        }
    }
}
