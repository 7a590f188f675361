import RDF
import SPARQL
import Testing

private typealias F = ParserFixture

/// Terms as written: literals, escapes, numbers, names (§19.8 terminals, §19.2 codepoint escapes).
@Suite("SPARQL parser: literals and names")
struct ParserLexicalTests {
    /// The object of the single triple pattern of `ASK { ?s ?p OBJECT }`.
    private func object(_ text: String) throws -> TermPattern {
        guard case .bgp(let triples) = try F.parse("ASK { ?s ?p \(text) }").algebra, triples.count == 1 else {
            throw SPARQLSyntaxError(message: "not one triple", line: 0, column: 0)
        }
        return triples[0].object
    }

    @Test("the four string forms and their escapes")
    func strings() throws {
        #expect(try object("'a\\tb\\nc\\rd\\be\\ff\\\"g\\'h\\\\i'") == .term(.literal("a\tb\nc\rd\u{08}e\u{0C}f\"g'h\\i")))
        #expect(try object("\"it's\"") == .term(.literal("it's")))
        #expect(try object("'''two\nlines with ' and '' inside'''") == .term(.literal("two\nlines with ' and '' inside")))
        #expect(try object("\"\"\"x\"\"y\"\"\"") == .term(.literal("x\"\"y")))
        // The content of a long string cannot end in its quote: the first three quotes close it.
        #expect(F.error("ASK { ?s ?p \"\"\"x\"\"\"\" }") != nil)
        #expect(try object("''") == .term(.literal("")))
    }

    @Test("\\u and \\U escapes are decoded before parsing, anywhere")
    func codepointEscapes() throws {
        #expect(try object("'\\u00e9\\U0001F46A'") == .term(.literal("é👪")))
        // An escape can even write a delimiter or a name.
        #expect(try object("\\u003Chttp://x/y>") == .term(.iri("http://x/y")))
        #expect(try object("?\\u0061") == F.v("a"))
        // A surrogate pair written as two escapes is one character; half of one is an error.
        #expect(try object("'\\uD83D\\uDC6A'") == .term(.literal("👪")))
        #expect(F.error("ASK { ?s ?p '\\uDC00' }") != nil)
        // A backslash made by an escape does not start another escape.
        #expect(F.error("ASK { ?s ?p \\u005cu0031 }") != nil)
    }

    @Test("language tags and datatypes")
    func taggedAndTyped() throws {
        #expect(try object("'chat'@fr-BE") == .term(.literal("chat", language: "fr-be")))
        #expect(try object("'1'^^xsd:integer") == .term(.literal("1", datatype: XSD.integer)))
        #expect(try object("'x'^^<http://dt>") == .term(.literal("x", datatype: "http://dt")))
    }

    @Test("numbers are typed xsd:integer, xsd:decimal and xsd:double, sign and form as written")
    func numbers() throws {
        #expect(try object("42") == .term(.literal("42", datatype: XSD.integer)))
        #expect(try object("-42") == .term(.literal("-42", datatype: XSD.integer)))
        #expect(try object("+4.2") == .term(.literal("+4.2", datatype: XSD.decimal)))
        #expect(try object(".5") == .term(.literal(".5", datatype: XSD.decimal)))
        #expect(try object("1e10") == .term(.literal("1e10", datatype: XSD.double)))
        #expect(try object("1.E-3") == .term(.literal("1.E-3", datatype: XSD.double)))
        #expect(try object("-.5e+2") == .term(.literal("-.5e+2", datatype: XSD.double)))
        // "1." is the integer 1 and the end of the triple.
        #expect(try F.parse("ASK { ?s ?p 1. }").algebra == .bgp([F.t(F.v("s"), F.v("p"), .term(F.intTerm(1)))]))
    }

    @Test("booleans, case-insensitive")
    func booleans() throws {
        #expect(try object("true") == .term(.literal("true", datatype: XSD.boolean)))
        #expect(try object("FALSE") == .term(.literal("false", datatype: XSD.boolean)))
    }

    @Test("prefixed names: empty prefix, digits, colons, escapes and %-encoding in local names")
    func prefixedNames() throws {
        #expect(try object(":") == F.iri(""))
        #expect(try object(":123") == F.iri("123"))
        #expect(try object(":a:b") == F.iri("a:b"))
        #expect(try object(":a.b") == F.iri("a.b"))
        #expect(try object(":c\\~z\\.") == F.iri("c~z."))
        #expect(try object(":a%3Ab") == F.iri("a%3Ab"))
        #expect(try F.parse("ASK { ?s ?p :a. }").algebra == .bgp([F.t(F.v("s"), F.v("p"), F.iri("a"))]))
        #expect(F.error("PREFIX : <http://e/> ASK { ?s ?p :a\\:b }") != nil)
    }

    @Test("variables with ? and $ are the same variable")
    func variables() throws {
        #expect(try F.parse("SELECT $x { ?x ?p $x }").algebra == .project(.bgp([F.t(F.v("x"), F.v("p"), F.v("x"))]), F.vars("x")))
    }

    @Test("a byte order mark at the start is ignored")
    func byteOrderMark() throws {
        #expect(try SPARQLParser.parse("\u{FEFF}ASK {}").algebra == .bgp([]))
    }

    @Test("comments run to the end of the line, not inside IRIs or strings")
    func comments() throws {
        let query = try SPARQLParser.parse("ASK # comment { }\n{ <http://x/#a> ?p '# not a comment' # x\n }")
        #expect(query.algebra == .bgp([F.t(.term(.iri("http://x/#a")), F.v("p"), .term(.literal("# not a comment")))]))
    }
}
