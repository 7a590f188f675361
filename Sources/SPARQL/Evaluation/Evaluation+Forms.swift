import RDF
import Store

extension Evaluation {
    /// The answer in the query's form.
    func answer() throws -> QueryResult {
        let solutions = try evaluate(query.algebra, scope: .merge(defaultGraphs))
        switch query.form {
        case .select(let variables):
            let indices = variables.map { slot($0) }
            let rows = try solutions.map { solution in
                try indices.map { solution[$0] == 0 ? nil : try term(solution[$0]) }
            }
            return .solutions(SolutionTable(variables: variables, rows: rows))
        case .ask:
            return .boolean(!solutions.isEmpty)
        case .construct(let template):
            return .graph(try construct(template, solutions))
        case .describe(let targets):
            return .graph(try describe(targets, solutions))
        }
    }

    /// Instantiates the template once per solution; blank nodes are fresh per solution, and a
    /// triple with an unbound or ill-placed term is left out (§16.2).
    private func construct(_ template: [TriplePattern], _ solutions: [Solution]) throws -> [Triple] {
        var seen = Set<Triple>()
        var triples: [Triple] = []
        for (number, solution) in solutions.enumerated() {
            func instantiate(_ pattern: TermPattern) throws -> Term? {
                switch pattern {
                case .variable(let variable):
                    guard let index = slots[variable], solution[index] != 0 else { return nil }
                    return try term(solution[index])
                case .term(.blank(let label)):
                    return .blank("c\(number)_\(label)")
                case .term(let term):
                    return term
                }
            }
            for pattern in template {
                guard let s = try instantiate(pattern.subject), !s.isLiteral,
                      let p = try instantiate(pattern.predicate), p.isIRI,
                      let o = try instantiate(pattern.object) else { continue }
                let triple = Triple(s, p, o)
                if seen.insert(triple).inserted { triples.append(triple) }
            }
            try tick()
        }
        return triples
    }

    /// DESCRIBE: the concise bounded description of each resource (its triples in the default
    /// graph, following blank-node objects).
    private func describe(_ targets: [TermPattern], _ solutions: [Solution]) throws -> [Triple] {
        var resources: [Int64] = []
        for target in targets {
            switch target {
            case .term(let term):
                if let id = try storeID(term) { resources.append(id) }
            case .variable(let variable):
                guard let index = slots[variable] else { continue }
                resources += solutions.map { $0[index] }.filter { $0 > 0 }
            }
        }
        var seen = Set<Triple>()
        var triples: [Triple] = []
        var visited = Set<Int64>()
        var queue = resources
        while let resource = queue.popLast() {
            guard visited.insert(resource).inserted else { continue }
            try snapshot.match([IDPattern(.constant(resource), .variable(0), .variable(1))],
                               scope: .merge(defaultGraphs), variableCount: 2) { row in
                let triple = Triple(try term(resource), try term(row[0]), try term(row[1]))
                if seen.insert(triple).inserted { triples.append(triple) }
                if triple.object.isBlank { queue.append(row[1]) }
                return true
            }
            try checkSize(triples.count)
        }
        return triples
    }
}
