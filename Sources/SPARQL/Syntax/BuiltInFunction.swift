/// The built-in calls of the grammar that take plain expression arguments (BuiltInCall, §19.8
/// rule 121), by upper-case name: how many arguments each takes, and the name the algebra uses
/// (`URI` and `isURI` are spellings of `IRI` and `isIRI`).
///
/// The special forms (BOUND, IF, COALESCE, EXISTS, NOT EXISTS, the aggregates) are parsed
/// separately.
struct BuiltInFunction {
    /// The name in `Expression.call`.
    var name: String
    var arguments: ClosedRange<Int>
    /// Whether the arguments are an ExpressionList (CONCAT): any number, NIL allowed.
    var isList: Bool = false

    static func named(_ word: String) -> BuiltInFunction? { table[word.uppercased()] }

    private static let table: [String: BuiltInFunction] = {
        var table: [String: BuiltInFunction] = [:]
        func add(_ names: [String], _ arguments: ClosedRange<Int>) {
            for name in names { table[name] = BuiltInFunction(name: name, arguments: arguments) }
        }
        add(["STR", "LANG", "DATATYPE", "IRI", "ABS", "CEIL", "FLOOR", "ROUND", "STRLEN", "UCASE",
             "LCASE", "ENCODE_FOR_URI", "YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS",
             "TIMEZONE", "TZ", "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "ISIRI", "ISBLANK",
             "ISLITERAL", "ISNUMERIC"], 1...1)
        add(["LANGMATCHES", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER", "STRLANG",
             "STRDT", "SAMETERM"], 2...2)
        add(["RAND", "NOW", "UUID", "STRUUID"], 0...0)
        add(["BNODE"], 0...1)
        add(["SUBSTR", "REGEX"], 2...3)
        add(["REPLACE"], 3...4)
        table["URI"] = BuiltInFunction(name: "IRI", arguments: 1...1)
        table["ISURI"] = BuiltInFunction(name: "ISIRI", arguments: 1...1)
        table["CONCAT"] = BuiltInFunction(name: "CONCAT", arguments: 0...Int.max, isList: true)
        return table
    }()
}
