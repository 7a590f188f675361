import RDF
@testable import RDFSyntax
import Testing

/// The strict layer (Sources/RDFSyntax/Strict): what it refuses that Raptor 2.0.15 accepts,
/// what it makes Raptor read that Raptor alone cannot, and that chunk boundaries change nothing.
@Suite("Strict layer")
struct StrictLayerTests {
    // MARK: N-Triples and N-Quads

    @Test("N-Triples documents Raptor accepts but the grammar does not", arguments: [
        "<http://e/s> <http://e/p> <http://e/o>",                 // no final '.'
        "<http://e/s> <http://e/p> _:o",                          // no final '.' after a label
        "<http://e/s> <http://e/p> \"x\"@en- .",                  // language tag ending in '-'
        "<http://e/s> <http://e/p> \"x\"@1en .",                  // language tag starting with a digit
        "_::a <http://e/p> <http://e/o> .",                       // label starting with ':'
        "_:abc:def <http://e/p> <http://e/o> .",                  // ':' inside a label
        "<http://e/s> <http://e/p> <o> .",                        // relative IRI
        "<s> <http://e/p> <http://e/o> .",                        // relative subject
        "<http://e/s> <http://e/p> \"x\"^^<integer> .",           // relative datatype
        "<http://e/s> <http://e/p> <http://e/o> . .",             // two dots
        "<http://e/s> <http://e/p> <http://e/o> . <http://e/x>",  // junk after the dot
        "<http://e/s> <http://e/p> \"a\\qb\" .",                  // bad escape
        "<http://e/s> <http://e/p> \"\\uD800\" .",                // surrogate
        "<http://e/s> <http://e/p> <http://e/a b> .",             // space in an IRI
        "<http://e/s> <http://e/p> <http://e/\\u0020> .",         // escaped space in an IRI
        "<http://e/s> <http://e/p> \"x\" <http://e/g> .",         // a graph in N-Triples
        "\"s\" <http://e/p> <http://e/o> .",                      // literal subject
        "<http://e/s> _:p <http://e/o> .",                        // blank predicate
    ])
    func ntriplesRefusals(line: String) {
        let error = parseError(line + "\n", .ntriples)
        #expect(error?.kind == .syntax, "accepted: \(line)")
        #expect(error?.line == 1)
    }

    @Test("N-Triples documents the grammar allows", arguments: [
        "<http://e/s><http://e/p><http://e/o>.",
        "_:a.b <http://e/p> \"x\"@en-GB-oed . # comment",
        "<http://e/s> <http://e/p> \"\\u00E9\\U0001F600\\t\\\"\" .",
        "\t<http://e/s>\t<http://e/p>\t\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>\t.\t",
        "# only a comment",
        "",
        "<http://e/s> <http://e/p> _:o.",
    ])
    func ntriplesAcceptances(line: String) throws {
        _ = try parse(line + "\r\n", .ntriples)
    }

    @Test func nquadsTakeAnOptionalGraph() throws {
        let quads = try parse("""
            <http://e/s> <http://e/p> <http://e/o> <http://e/g> .
            <http://e/s> <http://e/p> "x" _:g .
            <http://e/s> <http://e/p> "y" .
            """, .nquads)
        #expect(quads.map(\.graph) == [.iri("http://e/g"), .blank("g"), nil])
        #expect(parseError("<http://e/s> <http://e/p> <http://e/o> <g> .\n", .nquads)?.kind == .syntax)
        #expect(parseError("<http://e/s> <http://e/p> <http://e/o> \"g\" .\n", .nquads)?.kind == .syntax)
        #expect(parseError("<http://e/s> <http://e/p> <http://e/o> <http://e/g> <http://e/h> .\n", .nquads)?.kind == .syntax)
    }

    // MARK: Turtle and TriG terminals

    @Test("Turtle documents the lexer refuses", arguments: [
        "<http://e/s> <http://e/p> \"a\\ab\" .",
        "<http://e/s> <http://e/p> '\\uDFFF' .",
        "<http://e/s> <http://e/p> \"\"\"\\U00110000\"\"\" .",
        "<http://e/s> <http://e/p> <http://e/a{b}> .",
        "<http://e/s> <http://e/p> <\\ud800> .",
        "<http://e/s> <http://e/p> \"line\nbreak\" .",
        "@prefix ex: <http://e/> . ex:s ex:p ex:a%zz .",
        "@prefix ex: <http://e/> . ex:s ex:p ex:a\\qb .",
        "@prefix ex.: <http://e/> .",
        "<http://e/s> <http://e/p> \"x\"@en- .",
        "<http://e/s> <http://e/p> 1e .",
        "<http://e/s> <http://e/p> _: .",
        "@keywords a .",
        "<http://e/s> <http://e/p> maybe .",
        "<http://e/s> <http://e/p> \"unterminated .",
        "GRAPH <http://e/g> { <http://e/s> <http://e/p> <http://e/o> }",
    ])
    func turtleRefusals(text: String) {
        #expect(parseError(text + "\n", .turtle)?.kind == .syntax, "accepted: \(text)")
    }

    @Test func turtleTokensAtTheirEdges() throws {
        let quads = try parse(#"""
            @prefix ex: <http://example.org/> .
            PrEfIx a.b: <http://example.org/ab/>
            ex:s ex:p 1.e3, -.5, +7 ; ex:q true, false, 1.
            ex:s ex:p """a""b"c""" , '''it's''' , "" , '' .
            ex:s a ex:T ; ex:r ex:a\!b , ex:%41 , ex:a.b , a.b:c , ex: , _:x.y .
            ex:s ex:p "tag"@en-GB, "typed"^^ex:dt .
            """#, .turtle)
        let objects = quads.map(\.object)
        #expect(objects.contains(.literal("1", datatype: XSD.integer)))
        #expect(objects.contains(.literal("1.e3", datatype: XSD.double)))
        #expect(objects.contains(.literal("-.5", datatype: XSD.decimal)))
        #expect(objects.contains(.literal("a\"\"b\"c")))
        #expect(objects.contains(.literal("it's")))
        #expect(objects.contains(iri("a!b")))
        #expect(objects.contains(iri("%41")))
        #expect(objects.contains(iri("a.b")))
        #expect(objects.contains(.iri("http://example.org/ab/c")))
        #expect(objects.contains(.literal("tag", language: "en-gb")))
        #expect(quads.count == 19)
    }

    @Test func unicodeEscapesInIRIsAreUnescaped() throws {
        let quads = try parse(#"<http://e/s> <http://e/p> <http://e/caf\u00E9\U0001F600> ."#, .turtle)
        #expect(quads.first?.object == .iri("http://e/café😀"))
    }

    // MARK: IRI resolution

    /// RFC 3986 §5.4: every normal and abnormal example.
    @Test("RFC 3986 reference resolution", arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"), ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"), ("http:g", "http:g"),
    ])
    func rfc3986(reference: String, expected: String) {
        #expect(IRIResolver(base: "http://a/b/c/d;p?q").resolve(reference) == expected)
    }

    @Test func emptySegmentsInTheBase() throws {
        // Where Raptor 2.0.15 answers http://ab//xyz (W3C test IRI-resolution-08).
        #expect(IRIResolver(base: "http://ab//de//ghi").resolve("../xyz") == "http://ab//de/xyz")
        let quads = try parse("@base <http://ab//de//ghi> .\n<s> <p> <../xyz> .\n", .turtle)
        #expect(quads.first?.object == .iri("http://ab//de/xyz"))
    }

    @Test func baseDirectivesChainAndPrefixesResolve() throws {
        let quads = try parse("""
            @base <http://a/b/> .
            BASE <c/>
            PREFIX p: <d/>
            <s> p:q <../t#f> .
            """, .turtle, base: "http://ignored/")
        #expect(quads == [Quad(.iri("http://a/b/c/s"), .iri("http://a/b/c/d/q"), .iri("http://a/b/t#f"))])
    }

    // MARK: TriG

    @Test func trigFormsRaptorCannotReadAlone() throws {
        let quads = try parse("""
            PREFIX : <http://example/>
            {:s :p :o1}
            GRAPH :g1 { :s :p :o2 }
            graph <http://example/g2> { :s :p :o3 }
            :g3 # a comment between the name and the block
            { :s :p :o4 }
            @prefix
            d: <http://example/d/> .
            d:g { d:s d:p d:o }
            GRAPH :g5 { }
            """, .trig)
        #expect(quads.map(\.graph) == [nil, .iri("http://example/g1"), .iri("http://example/g2"),
                                       .iri("http://example/g3"), .iri("http://example/d/g")])
    }

    @Test("TriG documents refused", arguments: [
        "GRAPH { <http://e/s> <http://e/p> <http://e/o> }",
        "GRAPH <http://e/g> <http://e/s> <http://e/p> <http://e/o> .",
        "GRAPH [ <http://e/p> <http://e/o> ] { }",
        "PREFIX : <http://e/> GRAPH :g { :s :p :o } .",
        "PREFIX : <http://e/> :g { :s :p :o ",
        "@prefix : <http://e/>  :g { }",
    ])
    func trigRefusals(text: String) {
        #expect(parseError(text + "\n", .trig)?.kind == .syntax, "accepted: \(text)")
    }

    @Test func lineNumbersSurviveTheRewrite() throws {
        // Directives are rewritten onto one line; the lines after them keep their numbers, for
        // Raptor's own errors too.
        let text = "PREFIX\n:\n<http://example/>\nGRAPH\n:g\n{\n:s :p :o .\n:s :p .\n}\n"
        let error = try #require(parseError(text, .trig))
        #expect(error.line == 8)
    }

    // MARK: Chunk boundaries

    static let documents: [(Syntax, String)] = [
        (.turtle, #"""
            @prefix ex: <http://example.org/> . # café
            BASE <http://example.org/base/>
            ex:s ex:p """long ""string"" with é and 😀""" , 'x'@en-GB , 12.5e-3 , <rel\u00E9> .
            ex:s ex:q [ ex:r ( 1 2.0 "three" ) ] ; ex:t _:b.c , ex:local\~name .
            """#),
        (.trig, #"""
            PREFIX : <http://example/>
            GRAPH :g { :s :p "é" } _:b { :s :p :o } [] { :s :p "ü" }
            :h
            # comment
            { :s :p ( :a :b ) }
            { :default :graph "😀" }
            """#),
        (.ntriples, "<http://e/s> <http://e/p> \"é😀\"@en .\r\n_:a <http://e/p> _:b. # comment\n<http://e/s> <http://e/p> \"x\"^^<http://e/t> .\n"),
        (.nquads, "<http://e/s> <http://e/p> \"é\" <http://e/g> .\n_:a <http://e/p> _:b _:g .\n"),
    ]

    /// Cutting a document anywhere (also inside a UTF-8 character or an escape) gives Raptor the
    /// same bytes as reading it whole.
    @Test func chunkBoundariesChangeNothing() throws {
        for (syntax, text) in Self.documents {
            let bytes = Array(text.utf8)
            let base = "http://example.org/doc"
            let whole = try filtered(try #require(StrictLayer.filter(for: syntax, baseIRI: base, source: "t")), bytes, cuts: [])
            for cut in 0...bytes.count {
                let filter = try #require(StrictLayer.filter(for: syntax, baseIRI: base, source: "t"))
                let pieces = try filtered(filter, bytes, cuts: [cut])
                if syntax == .trig {
                    // Stand-in graph IRIs carry a random key; compare with it masked out.
                    #expect(masked(pieces) == masked(whole), "\(syntax) cut at \(cut)")
                } else {
                    #expect(pieces == whole, "\(syntax) cut at \(cut)")
                }
            }
            let everyByte = try filtered(try #require(StrictLayer.filter(for: syntax, baseIRI: base, source: "t")),
                                         bytes, cuts: Array(1..<bytes.count))
            #expect(masked(everyByte) == masked(whole), "\(syntax) one byte at a time")
            // And the documents are good ones.
            _ = try parse(text, syntax, base: base)
        }
    }

    @Test func errorsKeepTheirPositionAcrossChunks() throws {
        let text = "@prefix ex: <http://e/> .\nex:s ex:p \"ok\" .\nex:s ex:p \"caf\u{E9} \\x\" .\n"
        let bytes = Array(text.utf8)
        for cut in 0...bytes.count {
            let filter = TurtleRewriter(trig: false, baseIRI: "http://e/", source: "t")
            let error = #expect(throws: RDFSyntaxError.self) { _ = try filtered(filter, bytes, cuts: [cut]) }
            #expect(error?.line == 3 && error?.column == 17, "cut at \(cut): \(String(describing: error))")
        }
        let nt = Array("<http://e/s> <http://e/p> \"x\" .\n<http://e/s> <http://e/p> \"\u{E9}\"@e- .\n".utf8)
        for cut in 0...nt.count {
            let error = #expect(throws: RDFSyntaxError.self) {
                _ = try filtered(NTriplesChecker(quads: false, source: "t"), nt, cuts: [cut])
            }
            #expect(error?.line == 2 && error?.column == 30, "cut at \(cut): \(String(describing: error))")
        }
    }

    @Test func aByteOrderMarkIsDropped() throws {
        for syntax in [Syntax.ntriples, .nquads, .turtle, .trig] {
            let quads = try parse("\u{FEFF}<http://e/s> <http://e/p> \"x\" .\n", syntax)
            #expect(quads.count == 1, "\(syntax)")
            let bytes = Array("\u{FEFF}<http://e/s> <http://e/p> \"x\" .\n".utf8)
            for cut in 0...4 {
                let filter = try #require(StrictLayer.filter(for: syntax, baseIRI: "http://e/", source: "t"))
                #expect(try filtered(filter, bytes, cuts: [cut]) == Array(bytes.dropFirst(3)), "\(syntax) cut at \(cut)")
            }
        }
        // Only at the start: elsewhere U+FEFF is no white space.
        #expect(parseError("<http://e/s> <http://e/p> \"x\" .\n\u{FEFF}\n", .turtle)?.kind == .syntax)
    }

    @Test func aLongLiteralAcrossManyChunksStaysLinear() throws {
        let literal = String(repeating: "grapevine \\\" é ", count: 200_000)
        let bytes = Array("<http://e/s> <http://e/p> \"\"\"\(literal)\"\"\" .\n".utf8)
        let filter = TurtleRewriter(trig: false, baseIRI: "http://e/", source: "t")
        let clock = ContinuousClock()
        var output: [UInt8] = []
        let elapsed = try clock.measure {
            output = try filtered(filter, bytes, cuts: Array(stride(from: 4096, to: bytes.count, by: 4096)))
        }
        #expect(output == bytes)
        #expect(elapsed < .seconds(20), "\(elapsed) for \(bytes.count) bytes")
    }

    @Test func trigBlankNodeLabelsAreSpelledInjectively() {
        #expect(TriGBlankNodes.spell("b0") == "_:b0")
        #expect(TriGBlankNodes.spell("a.b") == "_:a.b")
        #expect(TriGBlankNodes.spell("x_41") != TriGBlankNodes.spell("A"))
        #expect(TriGBlankNodes.spell("ends.") == "_:x_656e64732e")
        #expect(TriGBlankNodes.spell("café").hasPrefix("_:x_"))
    }

    private func masked(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
            .replacing(/urn:x-grapevine-blank-graph:[0-9a-z]+:/, with: "urn:x-grapevine-blank-graph:KEY:")
    }
}
