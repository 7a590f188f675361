import Foundation
import RDF
@testable import SPARQL

/// Shared fixtures for the result-format tests.
enum ResultsFixture {
    static let ex = "http://example.org/"

    static func iri(_ local: String) -> Term { .iri(ex + local) }
    static func v(_ names: String...) -> [Variable] { names.map(Variable.init) }

    /// The W3C SPARQL 1.1 suite, read in place from `../shared/w3c/sparql11` next to the package.
    static let w3c: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/w3c/sparql11").standardizedFileURL

    static func w3cFile(_ path: String) -> URL { w3c.appendingPathComponent(path) }

    static func w3cText(_ path: String) throws -> String {
        try String(contentsOf: w3cFile(path), encoding: .utf8)
    }

    /// Every file under the suite with one of `extensions`, sorted.
    static func w3cFiles(extensions: Set<String>) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: w3c, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where extensions.contains(url.pathExtension) { files.append(url) }
        return files.sorted { $0.path < $1.path }
    }

    /// Writes `result` in `format` and reads it back.
    static func roundTrip(_ result: QueryResult, _ format: ResultFormat) throws -> QueryResult {
        try ResultParser.parse(try format.serialize(result), format: format)
    }

    /// A table with everything awkward in it: every term kind, languages, datatypes, unbound
    /// cells, escapes, XML specials, unicode and shared blank nodes.
    static let awkward: SolutionTable = SolutionTable(variables: v("s", "o", "x"), rows: [
        [iri("s1"), .literal("plain"), nil],
        [iri("a?b=c&d=<e>#f"), .literal("chat", language: "fr"), .literal("42", datatype: XSD.integer)],
        [.blank("b1"), .literal("say \"hi\",\nthen\tleave\r\n"), .blank("b1")],
        [.blank("b2"), .literal("<tag attr='x'>&amp;</tag> ]]>"), .literal("-0.5", datatype: XSD.decimal)],
        [iri("ünï"), .literal("日本語 😀 é"), .literal("1.5E10", datatype: XSD.double)],
        [nil, .literal(""), .literal("true", datatype: XSD.boolean)],
        [iri("s7"), .literal("x", datatype: ex + "custom#type"), .literal(" padded ")],
        [iri("s8"), .literal("back\\slash 'single'"), .literal("comma, \"quote\"")],
        [nil, nil, nil],
    ])
}
