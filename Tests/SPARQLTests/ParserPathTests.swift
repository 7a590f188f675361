import RDF
import SPARQL
import Testing

private typealias F = ParserFixture

/// Property paths (§9) and their translation (§18.2.2.4).
@Suite("SPARQL parser: property paths")
struct ParserPathTests {
    private let p = F.iri("p"), q = F.iri("q")

    private func algebra(_ pattern: String) throws -> Algebra {
        try F.parse("ASK { \(pattern) }").algebra
    }

    @Test("a plain IRI (also in parentheses) and 'a' are triple patterns")
    func links() throws {
        #expect(try algebra("?s (:p) ?o") == .bgp([F.t(F.v("s"), p, F.v("o"))]))
        #expect(try algebra("?s (a) ?o") == .bgp([F.t(F.v("s"), F.term(.iri(RDFVocabulary.type)), F.v("o"))]))
    }

    @Test("^iri is the triple pattern the other way round")
    func inverseLink() throws {
        #expect(try algebra("?s ^:p ?o") == .bgp([F.t(F.v("o"), p, F.v("s"))]))
    }

    @Test("a sequence expands through fresh hidden variables")
    func sequence() throws {
        guard case .bgp(let triples) = try algebra("?s :p/^:q/:p ?o") else {
            Issue.record("a sequence of links must be a BGP")
            return
        }
        #expect(triples.count == 3)
        let v1 = try #require(triples[0].object.variable)
        #expect(triples[0] == F.t(F.v("s"), p, .variable(v1)))
        let v2 = try #require(triples[1].subject.variable)
        #expect(triples[1] == F.t(.variable(v2), q, .variable(v1)))
        #expect(triples[2] == F.t(.variable(v2), p, F.v("o")))
        #expect(v1 != v2 && v1.name.hasPrefix(".") && v2.name.hasPrefix("."))
        let query = try F.parse("SELECT * { ?s :p/:q ?o }")
        #expect(F.projection(query) == F.vars("s", "o"))
    }

    @Test("other paths stay paths, joined with the triple patterns around them")
    func otherPaths() throws {
        #expect(try algebra("?s :p* ?o") == .path(F.v("s"), .zeroOrMore(.link(F.ex + "p")), F.v("o")))
        #expect(try algebra("?a :q ?s . ?s :p|:q ?o . ?o :p ?z")
                == .join(.join(.bgp([F.t(F.v("a"), q, F.v("s"))]),
                               .path(F.v("s"), .alternative(.link(F.ex + "p"), .link(F.ex + "q")), F.v("o"))),
                         .bgp([F.t(F.v("o"), p, F.v("z"))])))
        // In a sequence, only the steps that are not links are paths.
        #expect(try algebra("?s :p/:q+ ?o") != .bgp([]))
        guard case .join(.bgp(let first), .path(let from, .oneOrMore(.link(let iri)), let to)) = try algebra("?s :p/:q+ ?o") else {
            Issue.record("unexpected algebra")
            return
        }
        #expect(first.count == 1 && first[0].subject == F.v("s") && first[0].object == from)
        #expect(iri == F.ex + "q" && to == F.v("o"))
    }

    @Test("precedence: | loosest, then /, then ^, then the postfix modifiers")
    func precedence() throws {
        let path = PropertyPath.alternative(
            .sequence(.inverse(.zeroOrMore(.link(F.ex + "p"))), .zeroOrOne(.link(F.ex + "q"))),
            .oneOrMore(.link(F.ex + "r")))
        #expect(try algebra("?s ^:p*/:q?|:r+ ?o") == .path(F.v("s"), path, F.v("o")))
        #expect(try algebra("?s (:p|:q)/(:r) ?o") != .bgp([]))
        let grouped = try algebra("?s ^(:p/:q) ?o")
        #expect(grouped == .path(F.v("s"), .inverse(.sequence(.link(F.ex + "p"), .link(F.ex + "q"))), F.v("o")))
    }

    @Test("negated property sets, forward and inverse, with 'a'")
    func negatedSets() throws {
        #expect(try algebra("?s !:p ?o") == .path(F.v("s"), .negated(forward: [F.ex + "p"], inverse: []), F.v("o")))
        #expect(try algebra("?s !(:p|^:q|a|^a) ?o")
                == .path(F.v("s"), .negated(forward: [F.ex + "p", RDFVocabulary.type], inverse: [F.ex + "q", RDFVocabulary.type]), F.v("o")))
        #expect(try algebra("?s !^:q ?o") == .path(F.v("s"), .negated(forward: [], inverse: [F.ex + "q"]), F.v("o")))
    }

    @Test("paths inside blank node property lists and collections")
    func pathsInNodes() throws {
        let query = try F.parse("SELECT * { ?s ?p ( [:p*/:q 123 ] [ ^:r \"hello\"] ) }")
        #expect(F.projection(query) == F.vars("s", "p"))
    }

    @Test("a variable predicate is a triple pattern; a path cannot use a variable")
    func variablePredicates() throws {
        #expect(try algebra("?s ?p ?o ; ?q ?z") == .bgp([F.t(F.v("s"), F.v("p"), F.v("o")), F.t(F.v("s"), F.v("q"), F.v("z"))]))
        #expect(F.error("ASK { ?s ?p/<q> ?o }") != nil)
    }
}
