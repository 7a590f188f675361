import RDF
import RDFSyntax
import Testing

@Suite("DatasetIsomorphism")
struct DatasetIsomorphismTests {
    let p = Term.iri("http://example.org/p")
    let q = Term.iri("http://example.org/q")
    let g = Term.iri("http://example.org/g")

    func b(_ label: String) -> Term { .blank(label) }

    @Test func groundDatasetsCompareAsSets() {
        let a = [Quad(.iri("http://e/s"), p, .literal("x")), Quad(.iri("http://e/s"), p, .literal("x"))]
        let c = [Quad(.iri("http://e/s"), p, .literal("x"))]
        #expect(DatasetIsomorphism.areIsomorphic(a, c))
        #expect(!DatasetIsomorphism.areIsomorphic(a, [Quad(.iri("http://e/s"), p, .literal("y"))]))
        #expect(!DatasetIsomorphism.areIsomorphic(c, [Quad(.iri("http://e/s"), p, .literal("x"), graph: g)]))
    }

    @Test func literalsCompareExactly() {
        let plain = [Quad(.iri("http://e/s"), p, .literal("1"))]
        let typed = [Quad(.iri("http://e/s"), p, .literal("1", datatype: XSD.integer))]
        let tagged = [Quad(.iri("http://e/s"), p, .literal("1", language: "EN"))]
        let lower = [Quad(.iri("http://e/s"), p, .literal("1", language: "en"))]
        #expect(!DatasetIsomorphism.areIsomorphic(plain, typed))
        #expect(!DatasetIsomorphism.areIsomorphic(plain, tagged))
        // Language tags are kept lower-cased by `Literal`, so case never matters.
        #expect(DatasetIsomorphism.areIsomorphic(tagged, lower))
    }

    @Test func blankNodesAreRenamed() throws {
        let a = [Quad(b("x"), p, b("y")), Quad(b("y"), q, .literal("end"))]
        let c = [Quad(b("n1"), p, b("n2")), Quad(b("n2"), q, .literal("end"))]
        let mapping = try #require(DatasetIsomorphism.bijection(from: a, to: c))
        #expect(mapping == ["x": "n1", "y": "n2"])
        // The same shape, but the blank node at the end of the chain is not the one linked.
        let d = [Quad(b("n1"), p, b("n2")), Quad(b("n1"), q, .literal("end"))]
        #expect(!DatasetIsomorphism.areIsomorphic(a, d))
    }

    @Test func blankNodesCannotMergeOrSplit() {
        let two = [Quad(b("x"), p, .literal("v")), Quad(b("y"), p, .literal("v"))]
        let one = [Quad(b("z"), p, .literal("v"))]
        #expect(!DatasetIsomorphism.areIsomorphic(two, one))
        let shared = [Quad(b("x"), p, .literal("v")), Quad(b("x"), q, .literal("w"))]
        let separate = [Quad(b("x"), p, .literal("v")), Quad(b("y"), q, .literal("w"))]
        #expect(!DatasetIsomorphism.areIsomorphic(shared, separate))
    }

    @Test func blankGraphNamesTakePartInTheBijection() {
        let a = [Quad(b("s"), p, .literal("v"), graph: b("g")), Quad(b("g"), q, .literal("meta"))]
        let c = [Quad(b("1"), p, .literal("v"), graph: b("2")), Quad(b("2"), q, .literal("meta"))]
        let wrong = [Quad(b("1"), p, .literal("v"), graph: b("2")), Quad(b("1"), q, .literal("meta"))]
        #expect(DatasetIsomorphism.areIsomorphic(a, c))
        #expect(!DatasetIsomorphism.areIsomorphic(a, wrong))
        #expect(!DatasetIsomorphism.areIsomorphic(a, [Quad(b("s"), p, .literal("v"), graph: g), Quad(b("g"), q, .literal("meta"))]))
    }

    /// Symmetric structures leave hash refinement with ties; the backtracking search settles them.
    @Test func symmetricCyclesNeedBacktracking() {
        func cycle(_ length: Int, prefix: String) -> [Quad] {
            (0..<length).map { Quad(b("\(prefix)\($0)"), p, b("\(prefix)\(($0 + 1) % length)")) }
        }
        // Two 3-cycles versus one 6-cycle: every node has the same local view in both.
        let twoTriangles = cycle(3, prefix: "a") + cycle(3, prefix: "b")
        let hexagon = cycle(6, prefix: "h")
        #expect(DatasetIsomorphism.areIsomorphic(twoTriangles, cycle(3, prefix: "x") + cycle(3, prefix: "y")))
        #expect(DatasetIsomorphism.areIsomorphic(hexagon, cycle(6, prefix: "k").reversed()))
        #expect(!DatasetIsomorphism.areIsomorphic(twoTriangles, hexagon))
    }

    @Test func manyIndistinguishableBlankNodes() {
        let a = (0..<200).map { Quad(b("a\($0)"), p, .literal("same")) }
        let c = (0..<200).map { Quad(b("c\($0)"), p, .literal("same")) }
        #expect(DatasetIsomorphism.areIsomorphic(a, c))
        #expect(!DatasetIsomorphism.areIsomorphic(a, Array(c.dropLast())))
    }

    @Test func differencesNameMissingAndUnexpectedQuads() {
        let expected = [Quad(.iri("http://e/s"), p, .literal("a")), Quad(b("x"), p, .literal("b"))]
        let actual = [Quad(.iri("http://e/s"), p, .literal("c")), Quad(b("y"), p, .literal("b"))]
        let lines = DatasetIsomorphism.differences(expected: expected, actual: actual)
        #expect(lines == ["missing: <http://e/s> <http://example.org/p> \"a\" .",
                          "unexpected: <http://e/s> <http://example.org/p> \"c\" ."])
        #expect(DatasetIsomorphism.differences(expected: expected, actual: expected).isEmpty)
    }
}
