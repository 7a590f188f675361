import RDF

/// Reads results written as RDF in the DAWG result-set vocabulary
/// (`http://www.w3.org/2001/sw/DataAccess/tests/result-set#`), which some W3C tests use for
/// their expected results instead of SRX:
///
///     [] a rs:ResultSet ; rs:resultVariable "x" ;
///        rs:solution [ rs:index 1 ; rs:binding [ rs:variable "x" ; rs:value <http://e/a> ] ] .
///
/// An `rs:boolean` on the result set makes it an ASK result. Solutions with `rs:index` come in
/// index order (the rest after them, in no particular order).
public enum ResultSetVocabulary {
    public static let namespace = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"

    /// The result the triples describe, or nil when they hold no `rs:ResultSet`.
    public static func decode(_ triples: [Triple]) throws -> QueryResult? {
        let type = Term.iri(RDFVocabulary.type)
        guard let set = triples.first(where: { $0.predicate == type && $0.object == .iri(namespace + "ResultSet") })?.subject else {
            return nil
        }
        var outgoing: [Term: [Triple]] = [:]
        for triple in triples { outgoing[triple.subject, default: []].append(triple) }
        func values(_ node: Term, _ property: String) -> [Term] {
            (outgoing[node] ?? []).filter { $0.predicate == .iri(namespace + property) }.map(\.object)
        }
        if let boolean = values(set, "boolean").first {
            guard let lexical = boolean.literalValue?.lexical, lexical == "true" || lexical == "false" else {
                throw ResultFormatError(.malformed, "rs:boolean must be true or false")
            }
            return .boolean(lexical == "true")
        }
        var variables = values(set, "resultVariable").compactMap { $0.literalValue?.lexical }.map(Variable.init)
        var solutions: [(index: Int?, bindings: [String: Term])] = []
        for solution in values(set, "solution") {
            var bindings: [String: Term] = [:]
            for binding in values(solution, "binding") {
                guard let name = values(binding, "variable").first?.literalValue?.lexical,
                      let value = values(binding, "value").first else {
                    throw ResultFormatError(.malformed, "an rs:binding needs rs:variable and rs:value")
                }
                bindings[name] = value
            }
            let index = values(solution, "index").first?.literalValue.flatMap { Int($0.lexical) }
            solutions.append((index, bindings))
        }
        let known = Set(variables.map(\.name))
        variables += Set(solutions.flatMap(\.bindings.keys)).subtracting(known).sorted().map(Variable.init)
        let ordered = solutions.enumerated().sorted { a, b in
            switch (a.element.index, b.element.index) {
            case let (x?, y?): x != y ? x < y : a.offset < b.offset
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): a.offset < b.offset
            }
        }.map(\.element.bindings)
        return .solutions(SolutionTable(variables: variables, rows: ordered.map { row in variables.map { row[$0.name] } }))
    }
}
