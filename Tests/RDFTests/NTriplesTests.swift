import RDF
import Testing

@Suite("N-Triples spelling of terms")
struct NTriplesTests {
    @Test func iriAndBlankNode() {
        #expect(NTriples.format(.iri("http://example.org/a")) == "<http://example.org/a>")
        #expect(NTriples.format(.blank("b0")) == "_:b0")
    }

    @Test func simpleLiteralHasNoDatatype() {
        #expect(NTriples.format(.literal("plain")) == "\"plain\"")
    }

    @Test func typedAndLanguageTaggedLiterals() {
        #expect(NTriples.format(.literal("3", datatype: XSD.integer)) == "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>")
        #expect(NTriples.format(.literal("chat", language: "fr")) == "\"chat\"@fr")
    }

    @Test func languageTagsAreCaseInsensitive() {
        #expect(Term.literal("colour", language: "en-GB") == Term.literal("colour", language: "en-gb"))
    }

    @Test func escapesWhatAStringCannotHold() {
        let escaped = NTriples.escapeString("say \"hi\"\\\n\t\r\u{0C}\u{08}\u{01}é")
        #expect(escaped == #"say \"hi\"\\\n\t\r\f\b\u0001é"#)
    }

    @Test func escapesForbiddenIRICharacters() {
        #expect(NTriples.escapeIRI("http://a/b c>") == #"http://a/b\u0020c\u003E"#)
    }

    @Test func quadWithAndWithoutGraph() {
        let triple = Quad(.iri("http://s"), .iri("http://p"), .literal("o"))
        #expect(triple.description == "<http://s> <http://p> \"o\" .")
        let quad = Quad(.iri("http://s"), .iri("http://p"), .literal("o"), graph: .iri("http://g"))
        #expect(quad.description == "<http://s> <http://p> \"o\" <http://g> .")
    }

    @Test func termsSortIRIsThenBlanksThenLiterals() {
        let sorted = [Term.literal("a"), .blank("x"), .iri("http://z")].sorted()
        #expect(sorted == [.iri("http://z"), .blank("x"), .literal("a")])
    }
}
