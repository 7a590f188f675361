import RDF
import SPARQL
import Testing

private typealias F = ParserFixture

/// Expressions (§17): operators, precedence, built-in calls and function calls.
@Suite("SPARQL parser: expressions")
struct ParserExpressionTests {
    /// The expression of `FILTER(text)`.
    private func filter(_ text: String) throws -> Expression {
        guard case .filter(let e, _) = try F.parse("ASK { FILTER(\(text)) }").algebra else {
            throw SPARQLSyntaxError(message: "no filter", line: 0, column: 0)
        }
        return e
    }

    private func double(_ text: String) -> Expression { .term(.literal(text, datatype: XSD.double)) }

    @Test("precedence: || < && < comparison < + - < * / < unary")
    func precedence() throws {
        #expect(try filter("?a || ?b && ?c") == .or(F.e("a"), .and(F.e("b"), F.e("c"))))
        #expect(try filter("1 + 2 * 3 = 7") == .equal(.add(F.int(1), .multiply(F.int(2), F.int(3))), F.int(7)))
        #expect(try filter("(1 + 2) * -?x") == .multiply(.add(F.int(1), F.int(2)), .unaryMinus(F.e("x"))))
        #expect(try filter("!?a && +?b") == .and(.not(F.e("a")), .unaryPlus(F.e("b"))))
        #expect(try filter("?a - ?b - ?c") == .subtract(.subtract(F.e("a"), F.e("b")), F.e("c")))
        #expect(try filter("?a / 2 * 3") == .multiply(.divide(F.e("a"), F.int(2)), F.int(3)))
    }

    @Test("all comparison operators, IN and NOT IN")
    func comparisons() throws {
        #expect(try filter("?a != 1") == .notEqual(F.e("a"), F.int(1)))
        #expect(try filter("?a < 1") == .less(F.e("a"), F.int(1)))
        #expect(try filter("?a > 1") == .greater(F.e("a"), F.int(1)))
        #expect(try filter("?a <= 1") == .lessOrEqual(F.e("a"), F.int(1)))
        #expect(try filter("?a >= 1") == .greaterOrEqual(F.e("a"), F.int(1)))
        #expect(try filter("?a IN (1, :x)") == .in(F.e("a"), [F.int(1), .term(.iri(F.ex + "x"))]))
        #expect(try filter("?a not in ()") == .notIn(F.e("a"), []))
        #expect(F.error("ASK { FILTER(1 < 2 < 3) }") != nil)
    }

    @Test("a signed number right after an operand is an addition or subtraction")
    func signedNumbers() throws {
        #expect(try filter("?a -1") == .subtract(F.e("a"), F.int(1)))
        #expect(try filter("?a +2 * 3") == .add(F.e("a"), .multiply(F.int(2), F.int(3))))
        #expect(try filter("?a -1.5e0 / ?b") == .subtract(F.e("a"), .divide(double("1.5e0"), F.e("b"))))
        #expect(try filter("-1 = ?a") == .equal(.term(.literal("-1", datatype: XSD.integer)), F.e("a")))
    }

    @Test("built-in names are case-insensitive and map to upper-case calls; URI and isURI are IRI and isIRI")
    func builtIns() throws {
        #expect(try filter("strlen(?a) > 1") == .greater(.call("STRLEN", [F.e("a")]), F.int(1)))
        #expect(try filter("isUri(?a)") == .call("ISIRI", [F.e("a")]))
        #expect(try filter("uri(?a) = iri(?a)") == .equal(.call("IRI", [F.e("a")]), .call("IRI", [F.e("a")])))
        #expect(try filter("REGEX(?a, \"x\", \"i\")") == .call("REGEX", [F.e("a"), .term(.literal("x")), .term(.literal("i"))]))
        #expect(try filter("sameTerm(?a, ?b)") == .call("SAMETERM", [F.e("a"), F.e("b")]))
        #expect(try filter("BOUND(?a)") == .bound(Variable("a")))
        #expect(try filter("IF(?a, 1, 2)") == .if(F.e("a"), F.int(1), F.int(2)))
        #expect(try filter("COALESCE(?a, 1)") == .coalesce([F.e("a"), F.int(1)]))
        #expect(try filter("COALESCE()") == .coalesce([]))
        #expect(try filter("CONCAT()") == .call("CONCAT", []))
        #expect(try filter("BNODE() != BNODE(?a)") == .notEqual(.call("BNODE", []), .call("BNODE", [F.e("a")])))
        #expect(try filter("RAND() < 1") == .less(.call("RAND", []), F.int(1)))
    }

    @Test("every built-in call of the grammar parses with its arity")
    func everyBuiltIn() throws {
        let one = ["STR", "LANG", "DATATYPE", "IRI", "URI", "ABS", "CEIL", "FLOOR", "ROUND", "STRLEN", "UCASE", "LCASE",
                   "ENCODE_FOR_URI", "YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "MD5",
                   "SHA1", "SHA256", "SHA384", "SHA512", "isIRI", "isURI", "isBLANK", "isLITERAL", "isNUMERIC", "BNODE"]
        let two = ["LANGMATCHES", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER", "STRLANG", "STRDT",
                   "sameTerm", "SUBSTR", "REGEX"]
        let none = ["RAND", "NOW", "UUID", "STRUUID", "BNODE"]
        for name in one { _ = try filter("\(name)(?a)") }
        for name in two { _ = try filter("\(name)(?a, ?b)") }
        for name in none { _ = try filter("\(name)()") }
        _ = try filter("SUBSTR(?a, 1, 2)")
        _ = try filter("REPLACE(?a, \"x\", \"y\")")
        _ = try filter("REPLACE(?a, \"x\", \"y\", \"i\")")
        _ = try filter("CONCAT(?a, ?b, ?c)")
        #expect(F.error("ASK { FILTER(STR(?a, ?b)) }") != nil)
        #expect(F.error("ASK { FILTER(NOW(?a)) }") != nil)
        #expect(F.error("ASK { FILTER(REPLACE(?a, ?b)) }") != nil)
        #expect(F.error("ASK { FILTER(BOUND(1)) }") != nil)
    }

    @Test("EXISTS and NOT EXISTS hold their pattern's algebra")
    func exists() throws {
        let p = F.iri("p")
        #expect(try filter("EXISTS { ?s :p ?o }") == .exists(.bgp([F.t(F.v("s"), p, F.v("o"))])))
        guard case .filter(let e, _) = try F.parse("ASK { ?s ?x ?y FILTER NOT EXISTS { ?s :p ?o FILTER(?o) } }").algebra else {
            Issue.record("no filter")
            return
        }
        #expect(e == .notExists(.filter(F.e("o"), .bgp([F.t(F.v("s"), p, F.v("o"))]))))
        #expect(try filter("true && ! EXISTS {}") == .and(.term(.literal("true", datatype: XSD.boolean)), .not(.exists(.bgp([])))))
    }

    @Test("IRIs with arguments are function calls; xsd casts name their datatype")
    func functionCalls() throws {
        #expect(try filter("xsd:integer(?a) = 1") == .equal(.call(XSD.integer, [F.e("a")]), F.int(1)))
        #expect(try filter("<http://f/g>(?a, 2)") == .call("http://f/g", [F.e("a"), F.int(2)]))
        #expect(try filter(":f()") == .call(F.ex + "f", []))
        #expect(try filter("?a = :x") == .equal(F.e("a"), .term(.iri(F.ex + "x"))))
        // FILTER :f alone is not a constraint: a function call needs its arguments.
        #expect(F.error(F.prefixes + "ASK { FILTER :f }") != nil)
        _ = try F.parse("ASK { FILTER :f(?a) }")
        _ = try F.parse("ASK { FILTER regex(?a, \"x\") FILTER bound(?a) }")
    }
}
