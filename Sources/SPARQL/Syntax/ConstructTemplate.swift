import RDF

/// Gives the blank nodes the parser made for `[]` and collections in a CONSTRUCT template labels
/// of their own, none of which a label written in the template uses.
enum ConstructTemplate {
    static func relabel(_ triples: [TriplePattern]) -> [TriplePattern] {
        var written: Set<String> = []
        for triple in triples {
            for position in [triple.subject, triple.predicate, triple.object] {
                if case .term(.blank(let label)) = position, !label.hasPrefix(".") { written.insert(label) }
            }
        }
        var next = 0
        var renamed: [String: String] = [:]
        func rename(_ position: TermPattern) -> TermPattern {
            guard case .term(.blank(let label)) = position, label.hasPrefix(".") else { return position }
            if let new = renamed[label] { return .term(.blank(new)) }
            var new: String
            repeat {
                new = "b\(next)"
                next += 1
            } while written.contains(new)
            renamed[label] = new
            return .term(.blank(new))
        }
        return triples.map { TriplePattern(rename($0.subject), rename($0.predicate), rename($0.object)) }
    }
}
