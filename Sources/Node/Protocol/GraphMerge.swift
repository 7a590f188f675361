import RDF

/// The document a Graph Store POST publishes when the graph already holds a description: every
/// quad of the old description and every quad of the new body, once each, as N-Quads.
///
/// Triples of the description's own graph are written without a graph label (they belong to the
/// graph being published); quads of named graphs inside the description keep their names.
/// Blank nodes of the old and the new document stay apart: the old ones (already scoped by the
/// store) become `_:o1, _:o2…`, the new ones `_:n1, _:n2…`, so a `_:b0` in the body never merges
/// with a node already stored.
struct GraphMerge {
    let graph: String
    private var lines: [String] = []
    private var seen: Set<String> = []
    private var renamed: [String: String] = [:]

    init(graph: String) {
        self.graph = graph
    }

    /// Adds the stored quads of the description.
    mutating func addExisting(_ quads: [Quad]) {
        for quad in quads { add(quad, prefix: "o") }
    }

    /// Adds the quads parsed from the request body.
    mutating func addNew(_ quads: [Quad]) {
        for quad in quads { add(quad, prefix: "n") }
    }

    var quadCount: Int { lines.count }

    /// The merged document, N-Quads in UTF-8.
    var document: [UInt8] { Array(lines.joined().utf8) }

    private mutating func add(_ quad: Quad, prefix: String) {
        var line = term(quad.subject, prefix) + " " + term(quad.predicate, prefix) + " " + term(quad.object, prefix)
        if let name = quad.graph, name != .iri(graph) {
            line += " " + term(name, prefix)
        }
        line += " .\n"
        if seen.insert(line).inserted { lines.append(line) }
    }

    private mutating func term(_ term: Term, _ prefix: String) -> String {
        guard case .blank(let label) = term else { return NTriples.format(term) }
        let key = prefix + ":" + label
        if let name = renamed[key] { return "_:" + name }
        let name = prefix + String(renamed.count + 1)
        renamed[key] = name
        return "_:" + name
    }
}
