import RDF
import SPARQL
import Testing

private typealias F = ParserFixture

/// Grouping and aggregation (§11, §18.2.4.1).
@Suite("SPARQL parser: grouping and aggregates")
struct ParserAggregateTests {
    private let p = F.iri("p")

    @Test("GROUP BY, aggregates, HAVING, SELECT expressions, ORDER BY, project, in that order")
    func fullShape() throws {
        let query = try F.parse("""
            SELECT ?s (COUNT(?o) AS ?n) (SUM(?o) / COUNT(?o) AS ?mean)
            WHERE { ?s :p ?o }
            GROUP BY ?s
            HAVING (COUNT(?o) > 1)
            ORDER BY DESC(MAX(?o))
            """)
        guard case .project(.orderBy(.extend(.extend(.filter(let having, .group(let pattern, let keys, let aggregates)),
                                                      let n, let nExpression), let mean, let meanExpression), let order),
                            let projected) = query.algebra else {
            Issue.record("unexpected algebra \(query.algebra)")
            return
        }
        #expect(pattern == .bgp([F.t(F.v("s"), p, F.v("o"))]))
        #expect(keys == [GroupKey(expression: F.e("s"), variable: Variable("s"))])
        #expect(aggregates.map(\.aggregate) == [
            Aggregate(.count, expression: F.e("o")),
            Aggregate(.sum, expression: F.e("o")),
            Aggregate(.max, expression: F.e("o")),
        ])
        // The same aggregate written twice is computed once.
        let count = Expression.variable(aggregates[0].variable)
        let sum = Expression.variable(aggregates[1].variable)
        let max = Expression.variable(aggregates[2].variable)
        #expect(having == .greater(count, F.int(1)))
        #expect(n == Variable("n") && nExpression == count)
        #expect(mean == Variable("mean") && meanExpression == .divide(sum, count))
        #expect(order == [OrderCondition(max, ascending: false)])
        #expect(projected == F.vars("s", "n", "mean"))
        #expect(aggregates.allSatisfy { $0.variable.name.hasPrefix(".") })
    }

    @Test("an aggregate without GROUP BY groups everything in one group")
    func implicitGroup() throws {
        let query = try F.parse("SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT *) AS ?d) { ?s :p ?o }")
        guard case .project(.extend(.extend(.group(_, let keys, let aggregates), _, _), _, _), _) = query.algebra else {
            Issue.record("unexpected algebra \(query.algebra)")
            return
        }
        #expect(keys.isEmpty)
        #expect(aggregates.map(\.aggregate) == [Aggregate(.count, expression: nil), Aggregate(.count, distinct: true, expression: nil)])
        // Aggregates only in ORDER BY group too.
        guard case .orderBy(.group(_, [], let only), _) = try F.parse("ASK { ?s :p ?o } ORDER BY COUNT(?o)").algebra else {
            Issue.record("ORDER BY COUNT must group")
            return
        }
        #expect(only.count == 1)
    }

    @Test("every aggregate function, DISTINCT, and GROUP_CONCAT's separator")
    func functions() throws {
        let query = try F.parse("""
            SELECT (SUM(DISTINCT ?o) AS ?a) (MIN(?o) AS ?b) (MAX(?o) AS ?c) (AVG(?o) AS ?d) (SAMPLE(?o) AS ?e)
                   (GROUP_CONCAT(?o) AS ?f) (GROUP_CONCAT(DISTINCT ?o ; separator = ", ") AS ?g)
            { ?s :p ?o }
            """)
        guard case .project(let extended, _) = query.algebra else { Issue.record("no project"); return }
        var node = extended
        while case .extend(let inner, _, _) = node { node = inner }
        guard case .group(_, _, let aggregates) = node else { Issue.record("no group"); return }
        #expect(aggregates.map(\.aggregate) == [
            Aggregate(.sum, distinct: true, expression: F.e("o")),
            Aggregate(.min, expression: F.e("o")),
            Aggregate(.max, expression: F.e("o")),
            Aggregate(.avg, expression: F.e("o")),
            Aggregate(.sample, expression: F.e("o")),
            Aggregate(.groupConcat(separator: " "), expression: F.e("o")),
            Aggregate(.groupConcat(separator: ", "), distinct: true, expression: F.e("o")),
        ])
    }

    @Test("GROUP BY expressions, with and without AS, and built-in calls")
    func groupKeys() throws {
        let query = try F.parse("SELECT ?y (COUNT(*) AS ?n) { ?s :p ?o } GROUP BY (YEAR(?o) AS ?y) STR(?s) (?s) :f(?o)")
        guard case .project(.extend(.group(_, let keys, _), _, _), _) = query.algebra else {
            Issue.record("unexpected algebra \(query.algebra)")
            return
        }
        #expect(keys == [
            GroupKey(expression: .call("YEAR", [F.e("o")]), variable: Variable("y")),
            GroupKey(expression: .call("STR", [F.e("s")]), variable: nil),
            GroupKey(expression: F.e("s"), variable: Variable("s")),
            GroupKey(expression: .call(F.ex + "f", [F.e("o")]), variable: nil),
        ])
    }

    @Test("a SELECT expression may use group keys and earlier SELECT expressions")
    func selectExpressionScope() throws {
        _ = try F.parse("SELECT ?s (COUNT(*) AS ?n) (?n + STRLEN(?s) AS ?m) { ?s :p ?o } GROUP BY ?s")
        _ = try F.parse("SELECT (?k * 2 AS ?d) { ?s :p ?o } GROUP BY (?o AS ?k)")
        #expect(F.error(F.prefixes + "SELECT (?o * 2 AS ?d) { ?s :p ?o } GROUP BY (?o AS ?k)") != nil)
    }

    @Test("HAVING without GROUP BY filters; HAVING with an aggregate groups")
    func having() throws {
        #expect(try F.parse("ASK { ?s :p ?o } HAVING (true)").algebra
                == .filter(.term(.literal("true", datatype: XSD.boolean)), .bgp([F.t(F.v("s"), p, F.v("o"))])))
        guard case .filter(_, .group(_, [], let aggregates)) = try F.parse("ASK { ?s :p ?o } HAVING (COUNT(*) > 2)").algebra else {
            Issue.record("HAVING COUNT must group")
            return
        }
        #expect(aggregates.count == 1)
    }

    @Test("a sub-SELECT aggregates on its own level")
    func subSelectAggregates() throws {
        let query = try F.parse("SELECT ?s ?n { ?s :p ?o { SELECT ?s (COUNT(?o) AS ?n) { ?s :q ?o } GROUP BY ?s } }")
        guard case .project(.join(.bgp, .project(.extend(.group(_, let keys, let aggregates), _, _), let inner)), let outer) = query.algebra else {
            Issue.record("unexpected algebra \(query.algebra)")
            return
        }
        #expect(keys.count == 1 && aggregates.count == 1)
        #expect(inner == F.vars("s", "n") && outer == F.vars("s", "n"))
    }
}
