import Foundation
import Testing
import RDF
import RDFSyntax

/// The five W3C RDF 1.1 syntax suites, read in place from `../shared/w3c/rdf11` next to the package.
enum W3CSuite: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case ntriples = "rdf-n-triples"
    case nquads = "rdf-n-quads"
    case turtle = "rdf-turtle"
    case trig = "rdf-trig"
    case rdfxml = "rdf-xml"

    var testDescription: String { rawValue }

    /// The package root, found from this file's own path (Tests/ConformanceTests/<file>).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the suites live: never copied into the repository, read where they are.
    static let suitesRoot: URL = packageRoot.appendingPathComponent("../shared/w3c/rdf11").standardizedFileURL

    var directory: URL { Self.suitesRoot.appendingPathComponent(rawValue, isDirectory: true) }
}

/// One entry of a manifest.
struct W3CTest: Sendable {
    enum Kind: String, Sendable {
        case positiveSyntax, negativeSyntax, eval, negativeEval
    }

    let suite: W3CSuite
    /// The entry's name (mf:name, else the fragment of its IRI).
    let name: String
    let kind: Kind
    /// The syntax the action is written in.
    let syntax: Syntax
    /// Local path of the action document.
    let action: String
    /// The IRI the action is assumed to have (mf:assumedTestBase + its file name): its base IRI.
    let actionBase: String
    /// Local path and base IRI of the expected result, for evaluation tests.
    let result: (path: String, base: String)?

    /// How the known-failures list names this test.
    var id: String { "\(suite.rawValue)#\(name)" }
}

enum ManifestError: Error, CustomStringConvertible {
    case invalid(String)
    var description: String { if case .invalid(let text) = self { text } else { "" } }
}

/// Reads a suite's `manifest.ttl` through Grapevine's own Turtle parse path and lists its tests.
enum W3CManifest {
    private static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    private static let rdft = "http://www.w3.org/ns/rdftest#"
    private static let dawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"

    /// rdft test types: what the test expects and which syntax its action is in.
    private static let types: [String: (W3CTest.Kind, Syntax)] = [
        "TestNTriplesPositiveSyntax": (.positiveSyntax, .ntriples),
        "TestNTriplesNegativeSyntax": (.negativeSyntax, .ntriples),
        "TestNQuadsPositiveSyntax": (.positiveSyntax, .nquads),
        "TestNQuadsNegativeSyntax": (.negativeSyntax, .nquads),
        "TestTurtleEval": (.eval, .turtle),
        "TestTurtlePositiveSyntax": (.positiveSyntax, .turtle),
        "TestTurtleNegativeSyntax": (.negativeSyntax, .turtle),
        "TestTurtleNegativeEval": (.negativeEval, .turtle),
        "TestTrigEval": (.eval, .trig),
        "TestTrigPositiveSyntax": (.positiveSyntax, .trig),
        "TestTrigNegativeSyntax": (.negativeSyntax, .trig),
        "TestTrigNegativeEval": (.negativeEval, .trig),
        "TestXMLEval": (.eval, .rdfxml),
        "TestXMLNegativeSyntax": (.negativeSyntax, .rdfxml),
    ]

    static func load(_ suite: W3CSuite) throws -> [W3CTest] {
        let directory = suite.directory
        let manifestPath = directory.appendingPathComponent("manifest.ttl").path
        // Parse with the manifest's file URL as base, so relative references land in the directory
        // and can be mapped back to local files; the assumed base is applied per test afterwards.
        let directoryIRI = URL(fileURLWithPath: directory.path, isDirectory: true).absoluteString
        let quads = try RDFParser.parseAll(.file(manifestPath),
                                           options: ParseOptions(syntax: .turtle, baseIRI: directoryIRI + "manifest.ttl"))
        var properties: [Term: [String: [Term]]] = [:]
        for quad in quads {
            guard case .iri(let predicate) = quad.predicate else { continue }
            properties[quad.subject, default: [:]][predicate, default: []].append(quad.object)
        }
        func value(_ subject: Term, _ predicate: String) -> Term? { properties[subject]?[predicate]?.first }

        guard let manifest = properties.first(where: { $0.value[mf + "entries"] != nil })?.key,
              var list = value(manifest, mf + "entries") else {
            throw ManifestError.invalid("\(manifestPath): no mf:entries")
        }
        let assumedBase = value(manifest, mf + "assumedTestBase")?.iriValue
            ?? "https://w3c.github.io/rdf-tests/rdf/rdf11/\(suite.rawValue)/"

        /// Maps a reference resolved against the local directory to its local path and assumed IRI.
        func locate(_ term: Term) throws -> (path: String, base: String) {
            guard let iri = term.iriValue, iri.hasPrefix(directoryIRI) else {
                throw ManifestError.invalid("\(manifestPath): \(term) is not a file of the suite")
            }
            let relative = String(iri.dropFirst(directoryIRI.count))
            let path = directory.appendingPathComponent(relative.removingPercentEncoding ?? relative).path
            return (path, assumedBase + relative)
        }

        var tests: [W3CTest] = []
        while list != .iri(RDFVocabulary.nil) {
            guard let entry = value(list, RDFVocabulary.first), let rest = value(list, RDFVocabulary.rest) else {
                throw ManifestError.invalid("\(manifestPath): broken mf:entries list at \(list)")
            }
            list = rest
            let approval = value(entry, rdft + "approval") ?? value(entry, mf + "approval")
            if approval == .iri(rdft + "Withdrawn") || approval == .iri(dawgt + "Withdrawn") { continue }
            let typeNames = (properties[entry]?[RDFVocabulary.type] ?? []).compactMap(\.iriValue)
                .filter { $0.hasPrefix(rdft) }.map { String($0.dropFirst(rdft.count)) }
            guard let typeName = typeNames.first(where: { types[$0] != nil }), let (kind, syntax) = types[typeName] else {
                throw ManifestError.invalid("\(manifestPath): \(entry) has no known test type (\(typeNames))")
            }
            let name = value(entry, mf + "name")?.literalValue?.lexical
                ?? entry.iriValue.flatMap { $0.split(separator: "#").last.map(String.init) } ?? "\(entry)"
            guard let actionTerm = value(entry, mf + "action") else {
                throw ManifestError.invalid("\(manifestPath): \(name) has no mf:action")
            }
            let action = try locate(actionTerm)
            let result = try value(entry, mf + "result").map(locate)
            if kind == .eval && result == nil {
                throw ManifestError.invalid("\(manifestPath): evaluation test \(name) has no mf:result")
            }
            tests.append(W3CTest(suite: suite, name: name, kind: kind, syntax: syntax,
                                 action: action.path, actionBase: action.base, result: result))
        }
        return tests
    }
}
