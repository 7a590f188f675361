import Foundation
import RDF
@testable import SPARQL
import Testing

@Suite("Expression string functions")
struct ExpressionStringFunctionTests {
    @Test func strlenCountsCodePoints() {
        #expect(evaluated(X.call("STRLEN", X.str("食べ物"))) == T.int(3))
        #expect(evaluated(X.call("STRLEN", X.lang("bar", "en"))) == T.int(3))
        #expect(evaluated(X.call("STRLEN", X.str("\u{1F46A}"))) == T.int(1))
        #expect(evaluated(X.call("STRLEN", X.str("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"))) == T.int(7))
        #expect(evaluated(X.call("STRLEN", X.int(7))) == nil)
        #expect(evaluated(X.call("STRLEN", X.iri("http://a"))) == nil)
    }

    @Test func substr() {
        #expect(evaluated(X.call("SUBSTR", X.lang("bar", "en"), X.int(1), X.int(1))) == T.lang("b", "en"))
        #expect(evaluated(X.call("SUBSTR", X.str("食べ物"), X.int(2))) == T.str("べ物"))
        #expect(evaluated(X.call("SUBSTR", X.typed("abc", XSD.string), X.int(2))) == T.typed("bc", XSD.string))
        #expect(evaluated(X.call("SUBSTR", X.str("\u{1F46A}"), X.int(2))) == T.str(""))
        #expect(evaluated(X.call("SUBSTR", X.str("\u{1F468}\u{200D}\u{1F469}"), X.int(1), X.int(1))) == T.str("\u{1F468}"))
        // fn:substring's rounding and out-of-range positions.
        #expect(evaluated(X.call("SUBSTR", X.str("12345"), X.dec("1.5"), X.dec("2.6"))) == T.str("234"))
        #expect(evaluated(X.call("SUBSTR", X.str("12345"), X.int(0), X.int(3))) == T.str("12"))
        #expect(evaluated(X.call("SUBSTR", X.str("12345"), X.int(-42), X.int(1))) == T.str(""))
        #expect(evaluated(X.call("SUBSTR", X.str("12345"), X.int(5), X.int(10))) == T.str("5"))
        #expect(evaluated(X.call("SUBSTR", X.str("12345"), X.str("1"))) == nil)
        #expect(evaluated(X.call("SUBSTR", X.int(12345), X.int(1))) == nil)
    }

    @Test func caseMapping() {
        #expect(evaluated(X.call("UCASE", X.lang("bar", "en"))) == T.lang("BAR", "en"))
        #expect(evaluated(X.call("UCASE", X.str("食べ物"))) == T.str("食べ物"))
        #expect(evaluated(X.call("LCASE", X.typed("DEF", XSD.string))) == T.str("def"))
        #expect(evaluated(X.call("LCASE", X.str("\u{1F46A}"))) == T.str("\u{1F46A}"))
        #expect(evaluated(X.call("UCASE", X.int(1))) == nil)
    }

    @Test func encodeForURI() {
        #expect(evaluated(X.call("ENCODE_FOR_URI", X.str("Los Angeles"))) == T.str("Los%20Angeles"))
        #expect(evaluated(X.call("ENCODE_FOR_URI", X.lang("bar", "en"))) == T.str("bar"))
        #expect(evaluated(X.call("ENCODE_FOR_URI", X.str("100%"))) == T.str("100%25"))
        #expect(evaluated(X.call("ENCODE_FOR_URI", X.str("食べ物"))) == T.str("%E9%A3%9F%E3%81%B9%E7%89%A9"))
        #expect(evaluated(X.call("ENCODE_FOR_URI", X.str("\u{1F46A}"))) == T.str("%F0%9F%91%AA"))
        #expect(evaluated(X.call("ENCODE_FOR_URI", X.str("a-b_c.d~e/f"))) == T.str("a-b_c.d~e%2Ff"))
    }

    @Test func concat() {
        #expect(evaluated(X.call("CONCAT")) == T.str(""))
        #expect(evaluated(X.call("CONCAT", X.typed("abc", XSD.string))) == T.str("abc"))
        #expect(evaluated(X.call("CONCAT", X.str("abc"), X.typed("DEF", XSD.string))) == T.str("abcDEF"))
        #expect(evaluated(X.call("CONCAT", X.lang("a", "en"), X.lang("b", "en"))) == T.lang("ab", "en"))
        #expect(evaluated(X.call("CONCAT", X.lang("a", "en"), X.lang("b", "fr"))) == T.str("ab"))
        #expect(evaluated(X.call("CONCAT", X.lang("a", "en"), X.str("b"))) == T.str("ab"))
        #expect(evaluated(X.call("CONCAT", X.str("a"), X.int(7))) == nil)
    }

    @Test func containsStartsEnds() {
        #expect(evaluated(X.call("CONTAINS", X.lang("bar", "en"), X.str("a"))) == T.true)
        #expect(evaluated(X.call("CONTAINS", X.str("BAZ"), X.str("a"))) == T.false)
        #expect(evaluated(X.call("CONTAINS", X.str("abc"), X.str(""))) == T.true)
        #expect(evaluated(X.call("CONTAINS", X.lang("abc", "en"), X.lang("b", "en"))) == T.true)
        #expect(evaluated(X.call("CONTAINS", X.lang("abc", "en"), X.lang("b", "fr"))) == nil)
        #expect(evaluated(X.call("CONTAINS", X.str("abc"), X.lang("b", "en"))) == nil)
        #expect(evaluated(X.call("CONTAINS", X.int(123), X.str("1"))) == nil)
        #expect(evaluated(X.call("STRSTARTS", X.str("100%"), X.str("1"))) == T.true)
        #expect(evaluated(X.call("STRSTARTS", X.str("foo"), X.str("1"))) == T.false)
        #expect(evaluated(X.call("STRENDS", X.typed("abc", XSD.string), X.str("bc"))) == T.true)
        #expect(evaluated(X.call("STRENDS", X.str("abcd"), X.str("bc"))) == T.false)
        #expect(evaluated(X.call("STRENDS", X.str("食べ物"), X.str("物"))) == T.true)
    }

    /// functions/strbefore02 and strafter02.
    @Test func strbeforeAndStrafter() {
        let plain = X.str("abc"), tagged = X.lang("abc", "en"), typed = X.typed("abc", XSD.string)
        for source in [plain, typed] {
            #expect(evaluated(X.call("STRBEFORE", source, X.str("b"))) == T.str("a"))
            #expect(evaluated(X.call("STRBEFORE", source, X.str("bc"))) == T.str("a"))
            #expect(evaluated(X.call("STRBEFORE", source, X.lang("b", "cy"))) == nil)
            #expect(evaluated(X.call("STRBEFORE", source, X.str(""))) == T.str(""))
            #expect(evaluated(X.call("STRBEFORE", source, X.lang("", "en"))) == nil)
            #expect(evaluated(X.call("STRBEFORE", source, X.typed("xyz", XSD.string))) == T.str(""))
            #expect(evaluated(X.call("STRAFTER", source, X.str("b"))) == T.str("c"))
            #expect(evaluated(X.call("STRAFTER", source, X.str("ab"))) == T.str("c"))
            #expect(evaluated(X.call("STRAFTER", source, X.str(""))) == T.str("abc"))
        }
        #expect(evaluated(X.call("STRBEFORE", tagged, X.str("b"))) == T.lang("a", "en"))
        #expect(evaluated(X.call("STRBEFORE", tagged, X.lang("b", "cy"))) == nil)
        #expect(evaluated(X.call("STRBEFORE", tagged, X.str(""))) == T.lang("", "en"))
        #expect(evaluated(X.call("STRBEFORE", tagged, X.lang("", "en"))) == T.lang("", "en"))
        #expect(evaluated(X.call("STRBEFORE", tagged, X.typed("xyz", XSD.string))) == T.str(""))
        #expect(evaluated(X.call("STRAFTER", tagged, X.str("b"))) == T.lang("c", "en"))
        #expect(evaluated(X.call("STRAFTER", tagged, X.lang("", "en"))) == T.lang("abc", "en"))
        #expect(evaluated(X.call("STRAFTER", tagged, X.str("xyz"))) == T.str(""))
        #expect(evaluated(X.call("STRAFTER", X.lang("english", "en"), X.str("e"))) == T.lang("nglish", "en"))
        #expect(evaluated(X.call("STRAFTER", X.int(7), X.str("e"))) == nil)
        #expect(evaluated(X.call("STRAFTER", X.str("食べ物"), X.str("べ"))) == T.str("物"))
    }

    @Test func regex() {
        #expect(evaluated(X.call("REGEX", X.str("abcd"), X.str("^a.c"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.str("ABC"), X.str("b"))) == T.false)
        #expect(evaluated(X.call("REGEX", X.str("ABC"), X.str("b"), X.str("i"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.lang("chat", "fr"), X.str("^ch"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.str("a\nb"), X.str("^b"))) == T.false)
        #expect(evaluated(X.call("REGEX", X.str("a\nb"), X.str("^b"), X.str("m"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.str("a\nb"), X.str("a.b"))) == T.false)
        #expect(evaluated(X.call("REGEX", X.str("a\nb"), X.str("a.b"), X.str("s"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.str("abc"), X.str("a b c"), X.str("x"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.str("a b"), X.str("a[ ]b"), X.str("x"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.str("a.c"), X.str("."), X.str("q"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.str("abc"), X.str("."), X.str("q"))) == T.false)
        // `$` is the very end, not before a final newline.
        #expect(evaluated(X.call("REGEX", X.str("ab\n"), X.str("b$"))) == T.false)
        // XPath character class subtraction.
        #expect(evaluated(X.call("REGEX", X.str("e"), X.str("^[a-z-[aeiou]]$"))) == T.false)
        #expect(evaluated(X.call("REGEX", X.str("x"), X.str("^[a-z-[aeiou]]$"))) == T.true)
        #expect(evaluated(X.call("REGEX", X.str("abc"), X.str("("))) == nil)
        #expect(evaluated(X.call("REGEX", X.str("abc"), X.str("a"), X.str("k"))) == nil)
        #expect(evaluated(X.call("REGEX", X.int(1), X.str("1"))) == nil)
        #expect(evaluated(X.call("REGEX", X.str("abc"), X.lang("a", "en"))) == nil)
        // struuid01's pattern.
        #expect(evaluated(X.call("REGEX", X.str("0f8fad5b-d9cb-469f-a165-70867728950e"),
                             X.str("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$"), X.str("i"))) == T.true)
    }

    @Test func replace() {
        #expect(evaluated(X.call("REPLACE", X.str("aAbBaC"), X.str("a"), X.str("~/"), X.str("i"))) == T.str("~/~/bB~/C"))
        #expect(evaluated(X.call("REPLACE", X.str("banana"), X.str("ana"), X.str("*"))) == T.str("b*na"))
        #expect(evaluated(X.call("REPLACE", X.str("abcd"), X.str("(ab)|(a)"), X.str("[1=$1][2=$2]"))) == T.str("[1=ab][2=]cd"))
        #expect(evaluated(X.call("REPLACE", X.lang("English", "en"), X.str("[^a-z0-9]"), X.str("-"))) == T.lang("-nglish", "en"))
        #expect(evaluated(X.call("REPLACE", X.lang("日本語", "ja"), X.str("[^a-z0-9]"), X.str("-"))) == T.lang("---", "ja"))
        #expect(evaluated(X.call("REPLACE", X.str("Français"), X.str("[^a-z0-9]"), X.str("-"))) == T.str("-ran-ais"))
        #expect(evaluated(X.call("REPLACE", X.int(7), X.str("[^a-z0-9]"), X.str("-"))) == nil)
        #expect(evaluated(X.call("REPLACE", X.str("a$b"), X.str("\\$"), X.str("\\$\\\\"))) == T.str("a$\\b"))
        #expect(evaluated(X.call("REPLACE", X.str("abc"), X.str("b"), X.str("$"))) == nil)
        #expect(evaluated(X.call("REPLACE", X.str("abc"), X.str("b"), X.str("\\n"))) == nil)
        #expect(evaluated(X.call("REPLACE", X.str("abc"), X.str("x*"), X.str("-"))) == nil)  // matches ""
        #expect(evaluated(X.call("REPLACE", X.str("a.c"), X.str("."), X.str("$1"), X.str("q"))) == T.str("a$1c"))
        #expect(evaluated(X.call("REPLACE", X.str("\u{1F46A}x\u{1F46A}"), X.str("x"), X.str("y"))) == T.str("\u{1F46A}y\u{1F46A}"))
    }
}
