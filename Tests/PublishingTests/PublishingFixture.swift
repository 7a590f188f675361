import Foundation
import Publishing
import RDF
import RDFSyntax
import Store

/// The package root, for SampleData/ and Schemas/.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

func sample(_ path: String) -> String { packageRoot + "/SampleData/" + path }

/// The valid descriptions in SampleData/ (everything outside malformed/).
func sampleDescriptions() throws -> [String] {
    try ["publishers", "feeds"].flatMap { folder in
        try FileManager.default.contentsOfDirectory(atPath: sample(folder)).sorted().map { sample(folder + "/" + $0) }
    }
}

/// A publisher over a fresh store in a temporary directory.
final class PublishingFixture {
    let directory: String
    let store: QuadStore
    let publisher: DescriptionPublisher

    init() throws {
        directory = NSTemporaryDirectory() + "grapevine-publishing-tests-" + UUID().uuidString
        store = try QuadStore(path: directory + "/store.sqlite")
        publisher = DescriptionPublisher(store: store, shapes: try ShapesGraph.bundled())
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func publish(_ path: String, graph: String? = nil) throws -> PublishOutcome {
        try publisher.publish(PublishRequest(source: .file(path), graph: graph))
    }

    /// Everything the store holds, in a stable order: equal snapshots mean nothing changed.
    func snapshot() throws -> [String] {
        var lines = try store.descriptions().map { "\($0.graph) v\($0.version) \($0.digest) \($0.quadCount)" }
        try store.export { lines.append($0.description) }
        let stats = try store.statistics()
        lines.append("\(stats.descriptions) \(stats.graphs) \(stats.quads) \(stats.terms)")
        return lines
    }
}

let validResource = """
    @prefix gv: <https://w3id.org/grapevine/ns#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <https://example.org/r1> a gv:Resource ;
        dcterms:title "A resource" ;
        gv:size "1024"^^xsd:nonNegativeInteger ;
        gv:location [ gv:url <https://mirror.example.org/r1.tar.gz> ;
                      gv:validUntil "2027-01-01T00:00:00Z"^^xsd:dateTime ] .

    """
