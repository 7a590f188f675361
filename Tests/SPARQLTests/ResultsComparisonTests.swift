import Foundation
import RDF
import Testing
@testable import SPARQL

@Suite("Results: comparison")
struct ResultsComparisonTests {
    typealias F = ResultsFixture

    func b(_ label: String) -> Term { .blank(label) }
    func lit(_ text: String) -> Term { .literal(text) }
    func int(_ n: Int) -> Term { .literal(String(n), datatype: XSD.integer) }

    func solutions(_ names: [String], _ rows: [[Term?]]) -> QueryResult {
        .solutions(SolutionTable(variables: names.map(Variable.init), rows: rows))
    }

    func same(_ a: QueryResult, _ b: QueryResult, ordered: Bool = false, mode: ResultComparison.Mode = .exact) -> Bool {
        let equal = ResultComparison.equivalent(expected: a, actual: b, ordered: ordered, mode: mode)
        let differences = ResultComparison.differences(expected: a, actual: b, ordered: ordered, mode: mode)
        // The explainer agrees with the verdict, and the verdict is symmetric.
        #expect(equal == differences.isEmpty, "\(differences)")
        #expect(equal == ResultComparison.equivalent(expected: b, actual: a, ordered: ordered, mode: mode))
        return equal
    }

    @Test func groundSolutionsAreMultisets() {
        let a = solutions(["x"], [[int(1)], [int(2)], [int(2)]])
        #expect(same(a, solutions(["x"], [[int(2)], [int(1)], [int(2)]])))
        #expect(!same(a, solutions(["x"], [[int(1)], [int(1)], [int(2)]])))
        #expect(!same(a, solutions(["x"], [[int(1)], [int(2)]])))
        #expect(!same(a, solutions(["x"], [[int(1)], [int(2)], [lit("2")]])))
    }

    @Test func columnsMatchByNameAndNeverBoundVariablesDoNotCount() {
        let a = solutions(["x", "y"], [[int(1), lit("a")], [int(2), nil]])
        #expect(same(a, solutions(["y", "x"], [[lit("a"), int(1)], [nil, int(2)]])))
        #expect(same(a, solutions(["x", "y", "z"], [[int(1), lit("a"), nil], [int(2), nil, nil]])))
        #expect(!same(a, solutions(["x", "z"], [[int(1), lit("a")], [int(2), nil]])))
    }

    @Test func orderMattersOnlyWhenAsked() {
        let a = solutions(["x"], [[int(1)], [int(2)]])
        let reversed = solutions(["x"], [[int(2)], [int(1)]])
        #expect(same(a, reversed))
        #expect(!same(a, reversed, ordered: true))
        #expect(same(a, a, ordered: true))
    }

    @Test func blankNodesAreRenamedConsistentlyAcrossRows() {
        let a = solutions(["x", "y"], [[b("a"), int(1)], [b("a"), int(2)], [b("c"), int(3)]])
        #expect(same(a, solutions(["x", "y"], [[b("n3"), int(3)], [b("n1"), int(2)], [b("n1"), int(1)]])))
        // The same blank node in rows 1 and 2 must stay one node…
        #expect(!same(a, solutions(["x", "y"], [[b("p"), int(1)], [b("q"), int(2)], [b("c"), int(3)]])))
        // …and two nodes cannot become one.
        #expect(!same(a, solutions(["x", "y"], [[b("p"), int(1)], [b("p"), int(2)], [b("p"), int(3)]])))
        // A blank node is never a named term.
        #expect(!same(solutions(["x"], [[b("a")]]), solutions(["x"], [[F.iri("a")]])))
    }

    @Test func blankNodesSwappedBetweenColumns() {
        let a = solutions(["x", "y"], [[b("a"), b("b")], [b("b"), b("a")]])
        #expect(same(a, solutions(["x", "y"], [[b("q"), b("p")], [b("p"), b("q")]])))
        #expect(!same(a, solutions(["x", "y"], [[b("p"), b("q")], [b("p"), b("q")]])))
        #expect(!same(a, solutions(["x", "y"], [[b("p"), b("p")], [b("q"), b("q")]])))
    }

    @Test func symmetricStructuresNeedTheSearch() {
        // Two 3-cycles against one 6-cycle: every node is bound once as ?x and once as ?y in
        // both, so no local count tells them apart.
        func cycle(_ labels: [String]) -> [[Term?]] {
            labels.indices.map { [b(labels[$0]), b(labels[($0 + 1) % labels.count])] }
        }
        let twoTriangles = solutions(["x", "y"], cycle(["a", "b", "c"]) + cycle(["d", "e", "f"]))
        let hexagon = solutions(["x", "y"], cycle(["a", "b", "c", "d", "e", "f"]))
        #expect(!same(twoTriangles, hexagon))
        let shuffled = solutions(["x", "y"], (cycle(["u", "v", "w"]) + cycle(["k", "l", "m"])).reversed())
        #expect(same(twoTriangles, shuffled))
        // The same in one connected component (too big for a canonical form): two triangles
        // joined by an edge against a hexagon with a chord; same sizes, shapes and degrees.
        let joined = solutions(["x", "y"], cycle(["a", "b", "c"]) + cycle(["d", "e", "f"]) + [[b("a"), b("d")]])
        let chorded = solutions(["x", "y"], cycle(["a", "b", "c", "d", "e", "f"]) + [[b("a"), b("d")]])
        #expect(!same(joined, chorded))
        let joinedAgain = solutions(["x", "y"], ([[b("q"), b("t")]] + cycle(["t", "u", "v"]) + cycle(["q", "r", "s"])).reversed())
        #expect(same(joined, joinedAgain))
    }

    @Test func orderedComparisonKeepsOneBijection() {
        let a = solutions(["x"], [[b("a")], [b("b")], [b("a")]])
        #expect(same(a, solutions(["x"], [[b("p")], [b("q")], [b("p")]]), ordered: true))
        #expect(!same(a, solutions(["x"], [[b("p")], [b("p")], [b("q")]]), ordered: true))
        #expect(!same(a, solutions(["x"], [[b("p")], [b("q")], [b("r")]]), ordered: true))
        #expect(!same(a, solutions(["x"], [[b("p")], [b("q")], [b("q")]]), ordered: true))
    }

    @Test func duplicateSolutionsWithBlankNodes() {
        let a = solutions(["x"], [[b("a")], [b("a")], [b("c")]])
        #expect(same(a, solutions(["x"], [[b("z")], [b("y")], [b("y")]])))
        #expect(!same(a, solutions(["x"], [[b("z")], [b("y")], [b("w")]])))
    }

    @Test func manyIndependentBlankNodes() {
        // The common shape: thousands of solutions, each with its own blank nodes.
        let n = 5000
        let rows: [[Term?]] = (0..<n).map { [b("n\($0)"), int($0 % 3), $0 % 2 == 0 ? b("o\($0)") : b("n\($0)")] }
        let renamed: [[Term?]] = rows.reversed().map { row in row.map { term in
            if case .blank(let label)? = term { return b("x" + label) } else { return term }
        } }
        let equal = same(solutions(["a", "b", "c"], rows), solutions(["a", "b", "c"], renamed))
        #expect(equal)
        var broken = renamed
        broken[1][2] = broken[1][0]
        let unequal = same(solutions(["a", "b", "c"], rows), solutions(["a", "b", "c"], broken))
        #expect(!unequal)
    }

    @Test func longChainsOfBlankNodes() {
        // One large component: the general search.
        let n = 200
        let rows: [[Term?]] = (0..<n).map { [b("n\($0)"), int($0 % 7), b("n\(($0 + 1) % n)")] }
        let renamed: [[Term?]] = (0..<n).reversed().map { [b("m\($0)"), int($0 % 7), b("m\(($0 + 1) % n)")] }
        #expect(same(solutions(["a", "b", "c"], rows), solutions(["a", "b", "c"], renamed)))
        var broken = renamed
        broken[0][2] = b("m5")
        #expect(!same(solutions(["a", "b", "c"], rows), solutions(["a", "b", "c"], broken)))
    }

    @Test func booleansGraphsAndKinds() {
        #expect(same(.boolean(true), .boolean(true)))
        #expect(!same(.boolean(true), .boolean(false)))
        let p = F.iri("p")
        let g1 = QueryResult.graph([Triple(b("a"), p, b("b")), Triple(b("b"), p, lit("end"))])
        let g2 = QueryResult.graph([Triple(b("y"), p, lit("end")), Triple(b("x"), p, b("y"))])
        #expect(same(g1, g2))
        #expect(!same(g1, .graph([Triple(b("x"), p, b("y")), Triple(b("x"), p, lit("end"))])))
        #expect(!same(.boolean(false), solutions([], [])))
        #expect(!same(g1, .boolean(true)))
    }

    @Test func lenientModeForCSV() throws {
        let actual = solutions(["s", "o"], [
            [F.iri("s1"), .literal("4", datatype: XSD.integer)],
            [F.iri("s2"), .literal("chat", language: "fr")],
            [F.iri("s3"), .literal("1.0E6", datatype: XSD.double)],
            [F.iri("s4"), b("x")],
            [F.iri("s5"), .literal("a7", datatype: XSD.namespace + "hexBinary")],
        ])
        let csv = try CSVResultParser.parse("s,o\r\nhttp://example.org/s1,4\r\nhttp://example.org/s2,chat\r\nhttp://example.org/s3,1.0E6\r\nhttp://example.org/s4,_:b0\r\nhttp://example.org/s5,a7\r\n")
        #expect(same(csv, actual, mode: .lenientLexical))
        #expect(!same(csv, actual))
        // Numbers compare by value; other text exactly.
        #expect(same(solutions(["x"], [[.literal("1.0e6", datatype: XSD.double)]]), solutions(["x"], [[.literal("1.0E6", datatype: XSD.double)]]), mode: .lenientLexical))
        #expect(same(solutions(["x"], [[lit("+01.50")]]), solutions(["x"], [[.literal("1.5", datatype: XSD.decimal)]]), mode: .lenientLexical))
        #expect(!same(solutions(["x"], [[lit("Chat")]]), solutions(["x"], [[lit("chat")]]), mode: .lenientLexical))
        #expect(!same(solutions(["x"], [[lit("4")]]), solutions(["x"], [[int(5)]]), mode: .lenientLexical))
        #expect(!same(solutions(["x"], [[lit("_:b0")]]), solutions(["x"], [[b("b0")]]), mode: .lenientLexical))
        #expect(ResultComparison.canonicalNumber("-INF") == "-INF")
        #expect(ResultComparison.canonicalNumber("1e400") == "INF")
        #expect(ResultComparison.canonicalNumber("12a") == nil)
        #expect(ResultComparison.canonicalNumber("1.") == "1")
    }

    @Test func differencesExplain() {
        let expected = solutions(["x", "y"], [[int(1), lit("a")], [int(2), b("n")], [int(3), nil]])
        let actual = solutions(["x", "z"], [[int(1), lit("a")], [int(2), b("m")], [int(4), lit("z")]])
        let lines = ResultComparison.differences(expected: expected, actual: actual, ordered: false)
        #expect(lines.contains("bound variables: expected ?x ?y, got ?x ?z"))
        #expect(lines.contains("missing: {?x=\"2\"^^<http://www.w3.org/2001/XMLSchema#integer> ?y=_:n}"))
        #expect(lines.contains("missing: {?x=\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>}"))
        #expect(lines.contains("unexpected: {?x=\"4\"^^<http://www.w3.org/2001/XMLSchema#integer> ?z=\"z\"}"))

        let order = ResultComparison.differences(expected: solutions(["x"], [[int(1)], [int(2)]]),
                                                 actual: solutions(["x"], [[int(2)], [int(1)]]), ordered: true)
        #expect(order.count == 1 && order[0].hasPrefix("same solutions in another order; first at solution 1"))

        let shared = ResultComparison.differences(expected: solutions(["x"], [[b("a")], [b("a")]]),
                                                  actual: solutions(["x"], [[b("p")], [b("q")]]), ordered: false)
        #expect(shared == ["same solutions up to blank node labels, but the blank nodes are shared differently between solutions"])

        #expect(ResultComparison.differences(expected: .boolean(true), actual: .boolean(false), ordered: false) == ["expected true, got false"])
        #expect(ResultComparison.differences(expected: .boolean(true), actual: .graph([]), ordered: false) == ["expected boolean results, got graph results"])

        let many = solutions(["x"], (0..<30).map { [int($0)] })
        let capped = ResultComparison.differences(expected: many, actual: solutions(["x"], []), ordered: false, limit: 5)
        #expect(capped.count == 6 && capped.last?.hasPrefix("… ") == true)
    }
}
