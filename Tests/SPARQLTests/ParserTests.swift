import RDF
import SPARQL
import Testing

private typealias F = ParserFixture

/// The translation of group graph patterns, triples and query forms to the algebra (§18.2).
@Suite("SPARQL parser: patterns and query forms")
struct ParserTests {
    private let p = F.iri("p"), q = F.iri("q"), r = F.iri("r")

    @Test("a basic graph pattern, with prefixed names, 'a' and ; , abbreviations")
    func basicGraphPattern() throws {
        let query = try F.parse("SELECT ?s ?o WHERE { ?s a :C ; :p ?o , :x . :y :q \"z\" }")
        let rdfType = F.term(.iri(RDFVocabulary.type))
        #expect(query.algebra == .project(.bgp([
            F.t(F.v("s"), rdfType, F.iri("C")),
            F.t(F.v("s"), p, F.v("o")),
            F.t(F.v("s"), p, F.iri("x")),
            F.t(F.iri("y"), q, F.term(.literal("z"))),
        ]), F.vars("s", "o")))
        #expect(F.projection(query) == F.vars("s", "o"))
        #expect(query.defaultGraphs == nil && query.namedGraphs == nil)
    }

    @Test("FILTERs apply to the whole group, in a conjunction, wherever they were written")
    func filtersApplyToGroup() throws {
        let query = try F.parse("SELECT * { FILTER(?o > 1) ?s :p ?o . FILTER(?s != :x) ?s :q ?z }")
        let condition: Expression = .and(.greater(F.e("o"), F.int(1)), .notEqual(F.e("s"), .term(.iri(F.ex + "x"))))
        // The triples on both sides of a FILTER are still one BGP in the algebra.
        #expect(F.unprojected(query) == .filter(condition, .bgp([F.t(F.v("s"), p, F.v("o")), F.t(F.v("s"), q, F.v("z"))])))
        #expect(F.projection(query) == F.vars("s", "o", "z"))
    }

    @Test("OPTIONAL { P FILTER(e) } is LeftJoin(G, P, e); a filter in a nested group stays inside")
    func optional() throws {
        let query = try F.parse("SELECT * { ?s :p ?o OPTIONAL { ?o :q ?z FILTER(?z = 1) } OPTIONAL { { ?o :r ?w FILTER(?w) } } }")
        let first: Algebra = .leftJoin(.bgp([F.t(F.v("s"), p, F.v("o"))]), .bgp([F.t(F.v("o"), q, F.v("z"))]),
                                       .equal(F.e("z"), F.int(1)))
        let second: Algebra = .leftJoin(first, .filter(F.e("w"), .bgp([F.t(F.v("o"), r, F.v("w"))])), nil)
        #expect(F.unprojected(query) == second)
    }

    @Test("UNION, MINUS, GRAPH, SERVICE, and the join of group elements")
    func compositePatterns() throws {
        let query = try F.parse("""
            SELECT * {
              { ?s :p ?o } UNION { ?s :q ?o } UNION { ?s :r ?o }
              MINUS { ?s :p 1 }
              GRAPH ?g { ?s ?x ?y }
              SERVICE SILENT <http://remote/> { ?y :p ?z }
              GRAPH :g { }
            }
            """)
        let union: Algebra = .union(.union(.bgp([F.t(F.v("s"), p, F.v("o"))]), .bgp([F.t(F.v("s"), q, F.v("o"))])),
                                    .bgp([F.t(F.v("s"), r, F.v("o"))]))
        let minus: Algebra = .minus(union, .bgp([F.t(F.v("s"), p, F.term(F.intTerm(1)))]))
        let graph: Algebra = .join(minus, .graph(F.v("g"), .bgp([F.t(F.v("s"), F.v("x"), F.v("y"))])))
        let service: Algebra = .join(graph, .service(F.term(.iri("http://remote/")), .bgp([F.t(F.v("y"), p, F.v("z"))]), silent: true))
        #expect(F.unprojected(query) == .join(service, .graph(F.iri("g"), .bgp([]))))
        #expect(F.projection(query) == F.vars("s", "o", "g", "x", "y", "z"))
    }

    @Test("an empty group and nested groups simplify away (Join with the empty BGP)")
    func emptyGroups() throws {
        #expect(F.unprojected(try F.parse("SELECT * {}")) == .bgp([]))
        #expect(F.unprojected(try F.parse("SELECT * { {} { ?s :p ?o } {} }")) == .bgp([F.t(F.v("s"), p, F.v("o"))]))
        // Two groups are joined, not merged.
        #expect(F.unprojected(try F.parse("SELECT * { { ?s :p ?o } { ?s :q ?z } }"))
                == .join(.bgp([F.t(F.v("s"), p, F.v("o"))]), .bgp([F.t(F.v("s"), q, F.v("z"))])))
    }

    @Test("BIND extends what comes before it in the group")
    func bind() throws {
        let query = try F.parse("SELECT * { ?s :p ?o BIND(?o + 1 AS ?n) ?n :q ?z }")
        #expect(F.unprojected(query) == .join(.extend(.bgp([F.t(F.v("s"), p, F.v("o"))]), Variable("n"), .add(F.e("o"), F.int(1))),
                                              .bgp([F.t(F.v("n"), q, F.v("z"))])))
        // A BIND in a nested group does not see the outer group.
        _ = try F.parse("SELECT * { ?s :p ?o { BIND(1 AS ?o) } }")
    }

    @Test("VALUES inline (one variable and full form, UNDEF) and trailing")
    func values() throws {
        let query = try F.parse("SELECT * { ?s :p ?o VALUES ?o { 1 :x UNDEF } } VALUES (?s ?z) { (:a \"b\") (UNDEF UNDEF) }")
        let inline: Algebra = .values(F.vars("o"), [[F.intTerm(1)], [.iri(F.ex + "x")], [nil]])
        let trailing: Algebra = .values(F.vars("s", "z"), [[.iri(F.ex + "a"), .literal("b")], [nil, nil]])
        #expect(F.unprojected(query) == .join(.join(.bgp([F.t(F.v("s"), p, F.v("o"))]), inline), trailing))
        #expect(F.projection(query) == F.vars("s", "o", "z"))
        #expect(F.unprojected(try F.parse("SELECT * {} VALUES () { () () }")) == .values([], [[], []]))
    }

    @Test("blank nodes in patterns are hidden variables that SELECT * does not show")
    func blankNodes() throws {
        let query = try F.parse("SELECT * { _:b :p ?o . [] :q _:b . ?o :r [ :p ?z ] }")
        guard case .project(.bgp(let triples), let projected) = query.algebra else {
            Issue.record("unexpected algebra \(query.algebra)")
            return
        }
        #expect(projected == F.vars("o", "z"))
        #expect(triples.count == 4)
        let b = try #require(triples[0].subject.variable)
        #expect(triples[1].object == .variable(b))
        let anon = try #require(triples[1].subject.variable)
        #expect(anon != b)
        #expect(triples[2].subject == F.v("o"))
        let nested = try #require(triples[2].object.variable)
        #expect(triples[3] == F.t(.variable(nested), p, F.v("z")))
        for v in [b, anon, nested] {
            #expect(v.name.first == ".", "\(v) must be a name no query can write")
        }
    }

    @Test("collections become rdf:first / rdf:rest chains ending in rdf:nil; () is rdf:nil")
    func collections() throws {
        let query = try F.parse("ASK { ?s :p (1 ?x) . () :q ?o }")
        guard case .bgp(let triples) = query.algebra else {
            Issue.record("unexpected algebra \(query.algebra)")
            return
        }
        #expect(triples.count == 6)
        let first = F.term(.iri(RDFVocabulary.first)), rest = F.term(.iri(RDFVocabulary.rest))
        let head = triples[0].object
        #expect(triples[0].subject == F.v("s") && triples[0].predicate == p)
        #expect(triples[1] == F.t(head, first, F.term(F.intTerm(1))))
        let second = triples[2].object
        #expect(triples[2] == F.t(head, rest, second))
        #expect(triples[3] == F.t(second, first, F.v("x")))
        #expect(triples[4] == F.t(second, rest, F.term(.iri(RDFVocabulary.nil))))
        #expect(triples[5] == F.t(F.term(.iri(RDFVocabulary.nil)), q, F.v("o")))
    }

    @Test("a sub-SELECT keeps its own projection and modifiers")
    func subSelect() throws {
        let query = try F.parse("SELECT * { ?s :p ?o { SELECT DISTINCT ?s WHERE { ?s :q ?z } ORDER BY ?z LIMIT 5 } }")
        let inner: Algebra = .slice(.distinct(.project(.orderBy(.bgp([F.t(F.v("s"), q, F.v("z"))]), [OrderCondition(F.e("z"))]),
                                                       F.vars("s"))), offset: 0, limit: 5)
        #expect(F.unprojected(query) == .join(.bgp([F.t(F.v("s"), p, F.v("o"))]), inner))
        #expect(F.projection(query) == F.vars("s", "o"))
    }

    @Test("solution modifiers: ORDER BY, project, DISTINCT / REDUCED, OFFSET and LIMIT in either order")
    func solutionModifiers() throws {
        let query = try F.parse("SELECT REDUCED ?s { ?s :p ?o } ORDER BY DESC(?o) ?s ASC(STR(?s)) OFFSET 3 LIMIT 2")
        let order = [OrderCondition(F.e("o"), ascending: false), OrderCondition(F.e("s")),
                     OrderCondition(.call("STR", [F.e("s")]))]
        #expect(query.algebra == .slice(.reduced(.project(.orderBy(.bgp([F.t(F.v("s"), p, F.v("o"))]), order), F.vars("s"))),
                                        offset: 3, limit: 2))
        let offsetOnly = try F.parse("ASK {} OFFSET 7")
        #expect(offsetOnly.algebra == .slice(.bgp([]), offset: 7, limit: nil))
    }

    @Test("SELECT expressions extend, in order, before the projection")
    func selectExpressions() throws {
        let query = try F.parse("SELECT ?s (STRLEN(?o) AS ?n) (?n * 2 AS ?m) { ?s :p ?o }")
        let extended: Algebra = .extend(.extend(.bgp([F.t(F.v("s"), p, F.v("o"))]), Variable("n"), .call("STRLEN", [F.e("o")])),
                                        Variable("m"), .multiply(F.e("n"), F.int(2)))
        #expect(query.algebra == .project(extended, F.vars("s", "n", "m")))
    }

    @Test("CONSTRUCT keeps blank nodes in the template, with fresh labels for [] that clash with none")
    func construct() throws {
        let query = try F.parse("CONSTRUCT { _:b0 :p [ :q ?o ] . ?s :r _:b0 } WHERE { ?s :p ?o }")
        guard case .construct(let template) = query.form else {
            Issue.record("not a CONSTRUCT: \(query.form)")
            return
        }
        #expect(template.count == 3)
        #expect(template[0].subject == .term(.blank("b0")))
        guard case .term(.blank(let anon)) = template[0].object else {
            Issue.record("[] must stay a blank node: \(template[0])")
            return
        }
        #expect(anon != "b0")
        #expect(template[1] == F.t(.term(.blank(anon)), q, F.v("o")))
        #expect(template[2] == F.t(F.v("s"), r, .term(.blank("b0"))))
        #expect(query.algebra == .bgp([F.t(F.v("s"), p, F.v("o"))]))
    }

    @Test("CONSTRUCT WHERE uses its pattern as the template")
    func constructWhere() throws {
        let query = try F.parse("CONSTRUCT WHERE { ?s :p ?o ; :q _:x } LIMIT 3")
        guard case .construct(let template) = query.form else {
            Issue.record("not a CONSTRUCT: \(query.form)")
            return
        }
        #expect(template == [F.t(F.v("s"), p, F.v("o")), F.t(F.v("s"), q, .term(.blank("x")))])
        guard case .slice(.bgp(let triples), 0, 3) = query.algebra else {
            Issue.record("unexpected algebra \(query.algebra)")
            return
        }
        #expect(triples.count == 2)
        #expect(triples[1].object.variable != nil)
        #expect(F.error(F.prefixes + "CONSTRUCT WHERE { ?s :p ?o FILTER(true) }") != nil)
        #expect(F.error(F.prefixes + "CONSTRUCT WHERE { ?s :p/:q ?o }") != nil)
    }

    @Test("ASK and DESCRIBE (with * and without WHERE)")
    func askAndDescribe() throws {
        let ask = try F.parse("ASK WHERE { ?s :p ?o }")
        guard case .ask = ask.form else { Issue.record("not ASK"); return }
        #expect(ask.algebra == .bgp([F.t(F.v("s"), p, F.v("o"))]))

        let star = try F.parse("DESCRIBE * { ?s :p ?o . _:b :q ?s }")
        guard case .describe(let resources) = star.form else { Issue.record("not DESCRIBE"); return }
        #expect(resources == [F.v("s"), F.v("o")])

        let plain = try F.parse("DESCRIBE :x ?y")
        guard case .describe(let named) = plain.form else { Issue.record("not DESCRIBE"); return }
        #expect(named == [F.iri("x"), F.v("y")])
        #expect(plain.algebra == .bgp([]))
    }

    @Test("dataset clauses: nil without any, [] for the kind not given")
    func datasets() throws {
        let both = try F.parse("SELECT * FROM :a FROM NAMED :b FROM :c { }")
        #expect(both.defaultGraphs == [F.ex + "a", F.ex + "c"])
        #expect(both.namedGraphs == [F.ex + "b"])
        let namedOnly = try F.parse("ASK FROM NAMED :b { }")
        #expect(namedOnly.defaultGraphs == [])
        #expect(namedOnly.namedGraphs == [F.ex + "b"])
        let defaultOnly = try F.parse("CONSTRUCT {} FROM :a WHERE { }")
        #expect(defaultOnly.defaultGraphs == [F.ex + "a"])
        #expect(defaultOnly.namedGraphs == [])
    }

    @Test("relative IRIs resolve against BASE, which itself resolves against the given base")
    func baseResolution() throws {
        let query = try SPARQLParser.parse("""
            BASE <http://example.org/dir/sub/>
            PREFIX rel: <../ns#>
            BASE <other/>
            SELECT * { <x> rel:p <../y> . <#frag> <?q> <//host/z> }
            """, baseIRI: "http://ignored/")
        #expect(query.baseIRI == "http://example.org/dir/sub/other/")
        #expect(query.algebra == .project(.bgp([
            F.t(.term(.iri("http://example.org/dir/sub/other/x")), .term(.iri("http://example.org/dir/ns#p")),
                .term(.iri("http://example.org/dir/sub/y"))),
            F.t(.term(.iri("http://example.org/dir/sub/other/#frag")), .term(.iri("http://example.org/dir/sub/other/?q")),
                .term(.iri("http://host/z"))),
        ]), []))
        let given = try SPARQLParser.parse("ASK { <a> <b> <c> }", baseIRI: "http://h/d/e")
        #expect(given.algebra == .bgp([F.t(.term(.iri("http://h/d/a")), .term(.iri("http://h/d/b")), .term(.iri("http://h/d/c")))]))
        #expect(given.baseIRI == "http://h/d/e")
        // Without any base, relative IRIs are kept as written.
        #expect(try SPARQLParser.parse("ASK { <a> <b> <c> }").algebra == .bgp([F.t(.term(.iri("a")), .term(.iri("b")), .term(.iri("c")))]))
    }
}
