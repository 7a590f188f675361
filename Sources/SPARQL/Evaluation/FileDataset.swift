import Foundation
import RDF
import RDFSyntax
import Store

/// A dataset made of RDF files, loaded into a store (usually in memory) for one-off queries and
/// conformance tests: `grapevine query --data FILE --named FILE=IRI`.
public enum FileDataset {
    /// Loads `data` files into the default graph and `named` files into their named graphs, and
    /// returns the dataset that selects exactly them.
    /// A TriG or N-Quads file given as data keeps its named graphs: its default graph joins the
    /// query's default graph and its named graphs become named graphs of the dataset.
    public static func load(into store: QuadStore, data: [String], named: [(file: String, graph: String)]) throws -> QueryDataset {
        var defaultGraphs: [String] = []
        var namedGraphs: [String] = []
        for (number, file) in data.enumerated() {
            // Each file is its own graph in the store; the query's default graph is their merge,
            // so blank nodes of two files stay apart as RDF merge requires.
            let graph = "urn:grapevine:data:\(number)"
            namedGraphs += try load(file, graph: graph, base: nil, keepGraphs: true, into: store)
            defaultGraphs.append(graph)
        }
        for (file, graph) in named {
            try load(file, graph: graph, base: graph, keepGraphs: false, into: store)
            namedGraphs.append(graph)
        }
        return QueryDataset(defaultGraphs: defaultGraphs, namedGraphs: namedGraphs)
    }

    /// Loads a file into `graph`; returns the names of the graphs the file itself declared.
    @discardableResult
    private static func load(_ file: String, graph: String, base: String?, keepGraphs: Bool, into store: QuadStore) throws -> [String] {
        let source = DocumentSource.file(file)
        let syntax = source.fileExtension.flatMap { Syntax(fileExtension: $0) }
        var declared: [String] = []
        _ = try store.publish(DescriptionHeader(graph: graph, source: file, syntax: syntax?.rawValue ?? "")) { writer in
            try RDFParser.parse(source, options: ParseOptions(syntax: syntax, baseIRI: base)) { quads in
                if keepGraphs {
                    for case .iri(let name)? in quads.map(\.graph) where !declared.contains(name) { declared.append(name) }
                    try writer.add(quads)
                } else {
                    // A file given as one named graph puts all its triples in that graph.
                    try writer.add(quads.map { Quad($0.subject, $0.predicate, $0.object) })
                }
            }
        }
        return declared
    }
}
