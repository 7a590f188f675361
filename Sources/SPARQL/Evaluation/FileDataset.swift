import Foundation
import RDF
import RDFSyntax
import Store

/// A dataset made of RDF files, loaded into a store (usually in memory) for one-off queries and
/// conformance tests: `grapevine query --data FILE --named FILE=IRI`.
public enum FileDataset {
    /// Loads `data` files into the default graph and `named` files into their named graphs, and
    /// returns the dataset that selects exactly them.
    public static func load(into store: QuadStore, data: [String], named: [(file: String, graph: String)]) throws -> QueryDataset {
        var defaultGraphs: [String] = []
        for (number, file) in data.enumerated() {
            // Each file is its own graph in the store; the query's default graph is their merge,
            // so blank nodes of two files stay apart as RDF merge requires.
            let graph = "urn:grapevine:data:\(number)"
            try load(file, graph: graph, base: nil, into: store)
            defaultGraphs.append(graph)
        }
        for (file, graph) in named {
            try load(file, graph: graph, base: graph, into: store)
        }
        return QueryDataset(defaultGraphs: defaultGraphs, namedGraphs: named.map(\.graph))
    }

    private static func load(_ file: String, graph: String, base: String?, into store: QuadStore) throws {
        let source = DocumentSource.file(file)
        let syntax = source.fileExtension.flatMap { Syntax(fileExtension: $0) }
        _ = try store.publish(DescriptionHeader(graph: graph, source: file, syntax: syntax?.rawValue ?? "")) { writer in
            try RDFParser.parse(source, options: ParseOptions(syntax: syntax, baseIRI: base)) { quads in
                // A file given as a graph contributes its triples to that graph, whatever graph
                // names it carries itself.
                try writer.add(quads.map { Quad($0.subject, $0.predicate, $0.object) })
            }
        }
    }
}
