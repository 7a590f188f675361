import Foundation
import RDF
@testable import SPARQL
import Testing

@Suite("Expression term functions")
struct ExpressionTermFunctionTests {
    @Test func str() {
        #expect(evaluated(X.call("STR", X.iri("http://example/z"))) == T.str("http://example/z"))
        #expect(evaluated(X.call("STR", X.lang("chat", "fr"))) == T.str("chat"))
        #expect(evaluated(X.call("STR", X.typed("01", XSD.integer))) == T.str("01"))
        #expect(evaluated(X.call("STR", X.blank("b"))) == nil)
    }

    @Test func langAndDatatype() {
        #expect(evaluated(X.call("LANG", X.lang("chat", "FR-ca"))) == T.str("fr-ca"))
        #expect(evaluated(X.call("LANG", X.str("chat"))) == T.str(""))
        #expect(evaluated(X.call("LANG", X.iri("http://a"))) == nil)
        #expect(evaluated(X.call("DATATYPE", X.str("a"))) == .iri(XSD.string))
        #expect(evaluated(X.call("DATATYPE", X.int(1))) == .iri(XSD.integer))
        #expect(evaluated(X.call("DATATYPE", X.lang("a", "en"))) == .iri(RDFVocabulary.langString))
        #expect(evaluated(X.call("DATATYPE", X.typed("x", "http://example/t"))) == .iri("http://example/t"))
        #expect(evaluated(X.call("DATATYPE", X.iri("http://a"))) == nil)
        #expect(evaluated(X.call("DATATYPE", X.v("unbound"))) == nil)
    }

    @Test func langMatches() {
        #expect(evaluated(X.call("LANGMATCHES", X.str("en"), X.str("en"))) == T.true)
        #expect(evaluated(X.call("LANGMATCHES", X.str("en-US"), X.str("en"))) == T.true)
        #expect(evaluated(X.call("LANGMATCHES", X.str("EN-us"), X.str("en-US"))) == T.true)
        #expect(evaluated(X.call("LANGMATCHES", X.str("english"), X.str("en"))) == T.false)
        #expect(evaluated(X.call("LANGMATCHES", X.str("en"), X.str("en-US"))) == T.false)
        #expect(evaluated(X.call("LANGMATCHES", X.str("fr"), X.str("*"))) == T.true)
        #expect(evaluated(X.call("LANGMATCHES", X.str(""), X.str("*"))) == T.false)
        #expect(evaluated(X.call("LANGMATCHES", X.str(""), X.str(""))) == T.true)
        #expect(evaluated(X.call("LANGMATCHES", X.lang("en", "en"), X.str("en"))) == nil)
        #expect(evaluated(X.call("LANGMATCHES", X.call("LANG", X.lang("bar", "en")), X.str("en"))) == T.true)
    }

    @Test func iriResolvesAgainstTheBase() {
        let context = ExpressionContext(baseIRI: "http://example.org/")
        #expect(evaluated(X.call("IRI", X.str("iri")), context: context) == .iri("http://example.org/iri"))
        #expect(evaluated(X.call("URI", X.str("uri")), context: context) == .iri("http://example.org/uri"))
        #expect(evaluated(X.call("IRI", X.iri("http://example.org/iri")), context: context) == .iri("http://example.org/iri"))
        #expect(evaluated(X.call("IRI", X.str("http://other/x")), context: context) == .iri("http://other/x"))
        #expect(evaluated(X.call("IRI", X.typed("x", XSD.string)), context: context) == .iri("http://example.org/x"))
        #expect(evaluated(X.call("IRI", X.lang("x", "en")), context: context) == nil)
        #expect(evaluated(X.call("IRI", X.int(1)), context: context) == nil)
        #expect(evaluated(X.call("IRI", X.blank("b")), context: context) == nil)
    }

    /// RFC 3986 §5.4's examples, through IRI().
    @Test func referenceResolution() {
        let base = "http://a/b/c/d;p?q"
        let cases: [(String, String)] = [
            ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
            ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"), ("./../g", "http://a/b/g"), ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
        ]
        for (reference, expected) in cases {
            let context = ExpressionContext(baseIRI: base)
            #expect(evaluated(X.call("IRI", X.str(reference)), context: context) == .iri(expected), "\(reference)")
        }
        #expect(evaluated(X.call("IRI", X.str("x"))) == .iri("x"))
    }

    @Test func blankNodes() throws {
        let evaluator = ExpressionEvaluator(context: ExpressionContext())
        let none: (Variable) -> Term? = { _ in nil }
        let a = try evaluator.evaluate(X.call("BNODE"), binding: none)
        let b = try evaluator.evaluate(X.call("BNODE"), binding: none)
        #expect(a.isBlank && b.isBlank && a != b)
        evaluator.startSolution()
        let x1 = try evaluator.evaluate(X.call("BNODE", X.str("x")), binding: none)
        let x2 = try evaluator.evaluate(X.call("BNODE", X.str("x")), binding: none)
        let y = try evaluator.evaluate(X.call("BNODE", X.str("y")), binding: none)
        #expect(x1 == x2 && x1 != y && x1.isBlank)
        evaluator.startSolution()
        let x3 = try evaluator.evaluate(X.call("BNODE", X.str("x")), binding: none)
        #expect(x3 != x1)
        #expect(throws: ExpressionError.self) { try evaluator.evaluate(X.call("BNODE", X.int(1)), binding: none) }
        // Two evaluators (two queries) never share labels.
        let other = try ExpressionEvaluator(context: ExpressionContext()).evaluate(X.call("BNODE"), binding: none)
        #expect(other != a && other != b)
    }

    @Test func strlangAndStrdt() {
        #expect(evaluated(X.call("STRLANG", X.str("bar"), X.str("en-US"))) == T.lang("bar", "en-us"))
        #expect(evaluated(X.call("STRLANG", X.typed("abc", XSD.string), X.str("en-US"))) == T.lang("abc", "en-us"))
        #expect(evaluated(X.call("STRLANG", X.lang("bar", "en"), X.str("en-US"))) == nil)
        #expect(evaluated(X.call("STRLANG", X.int(1), X.str("en"))) == nil)
        #expect(evaluated(X.call("STRLANG", X.str("bar"), X.str(""))) == nil)
        #expect(evaluated(X.call("STRDT", X.str("123"), X.iri(XSD.integer))) == T.int(123))
        #expect(evaluated(X.call("STRDT", X.typed("abc", XSD.string), X.iri(XSD.string))) == T.str("abc"))
        #expect(evaluated(X.call("STRDT", X.lang("bar", "en"), X.iri(XSD.string))) == nil)
        #expect(evaluated(X.call("STRDT", X.str("bar"), X.str(XSD.string))) == nil)
        #expect(evaluated(X.call("STRDT", X.int(1), X.iri(XSD.string))) == nil)
    }

    @Test func sameTermAndKinds() {
        #expect(evaluated(X.call("SAMETERM", X.int(1), X.int(1))) == T.true)
        #expect(evaluated(X.call("SAMETERM", X.int(1), X.dec("1.0"))) == T.false)
        #expect(evaluated(X.call("SAMETERM", X.str("\u{E9}"), X.str("e\u{301}"))) == T.false)
        #expect(evaluated(X.call("SAMETERM", X.typed("a", "http://x/t"), X.typed("b", "http://x/t"))) == T.false)
        #expect(evaluated(X.call("ISIRI", X.iri("http://a"))) == T.true)
        #expect(evaluated(X.call("ISURI", X.str("http://a"))) == T.false)
        #expect(evaluated(X.call("ISBLANK", X.blank("b"))) == T.true)
        #expect(evaluated(X.call("ISLITERAL", X.lang("a", "en"))) == T.true)
        #expect(evaluated(X.call("ISLITERAL", X.v("unbound"))) == nil)
        #expect(evaluated(X.call("ISNUMERIC", X.int(1))) == T.true)
        #expect(evaluated(X.call("ISNUMERIC", X.dbl("NaN"))) == T.true)
        #expect(evaluated(X.call("ISNUMERIC", X.typed("1", X.xsd + "unsignedByte"))) == T.true)
        #expect(evaluated(X.call("ISNUMERIC", X.typed("256", X.xsd + "unsignedByte"))) == T.false)
        #expect(evaluated(X.call("ISNUMERIC", X.typed("abc", XSD.integer))) == T.false)
        #expect(evaluated(X.call("ISNUMERIC", X.str("1"))) == T.false)
    }

    @Test func hashes() {
        #expect(evaluated(X.call("MD5", X.str("foo"))) == T.str("acbd18db4cc2f85cedef654fccc4a4d8"))
        #expect(evaluated(X.call("MD5", X.typed("食べ物", XSD.string))) == T.str("e7ada485d13b1decf628c9211bc3a97b"))
        #expect(evaluated(X.call("SHA1", X.str("foo"))) == T.str("0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33"))
        #expect(evaluated(X.call("SHA1", X.str("abc"))) == T.str("a9993e364706816aba3e25717850c26c9cd0d89d"))
        #expect(evaluated(X.call("SHA256", X.str("foo"))) == T.str("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"))
        #expect(evaluated(X.call("SHA384", X.str("foo"))) == T.str("98c11ffdfdd540676b1a137cb1a22b2a70350c9a44171d6b1180c6be5cbb2ee3f79d532c8a1dd9ef2e8e08e752a3babb"))
        #expect(evaluated(X.call("SHA512", X.str("foo"))) == T.str("f7fbba6e0636f890e56fbbf3283e524c6fa3204ae298382d624741d0dc6638326e282c41be5e4254d8820772c5518a2c5a8c0c7f7eda19594a7eb539453e1ed7"))
        #expect(evaluated(X.call("MD5", X.lang("foo", "en"))) == nil)
        #expect(evaluated(X.call("MD5", X.int(1))) == nil)
    }

    @Test func randAndUUIDs() throws {
        let evaluator = ExpressionEvaluator(context: ExpressionContext())
        let none: (Variable) -> Term? = { _ in nil }
        for _ in 0..<20 {
            let r = try evaluator.evaluate(X.call("RAND"), binding: none)
            guard case .literal(let literal) = r else { Issue.record("RAND is not a literal"); return }
            #expect(literal.datatype == XSD.double)
            let n = try #require(number(r))
            #expect(n >= 0 && n < 1)
        }
        let u1 = try evaluator.evaluate(X.call("UUID"), binding: none)
        let u2 = try evaluator.evaluate(X.call("UUID"), binding: none)
        #expect(u1 != u2)
        let iri = try #require(u1.iriValue)
        #expect(iri.hasPrefix("urn:uuid:") && iri.count == 45 && iri == iri.lowercased())
        let s = try evaluator.evaluate(X.call("STRUUID"), binding: none)
        #expect(s.literalValue?.datatype == XSD.string && s.literalValue?.lexical.count == 36)
        #expect(evaluator.isTrue(X.call("REGEX", .term(s), X.str("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")), binding: none))
    }

    @Test func unknownFunctionsAndArity() {
        #expect(evaluated(X.call("NOSUCH", X.int(1))) == nil)
        #expect(evaluated(X.call("http://example/f", X.int(1))) == nil)
        #expect(evaluated(X.call("STR")) == nil)
        #expect(evaluated(X.call("STR", X.int(1), X.int(2))) == nil)
        #expect(evaluated(X.call("str", X.int(1))) == T.str("1"))
    }
}
