import Foundation
import RDF
import RDFSyntax
import SPARQL
import Testing

/// The W3C SPARQL 1.1 query syntax tests, read in place from `../shared/w3c/sparql11` next to the
/// package: every PositiveSyntaxTest(11) and NegativeSyntaxTest(11) whose action is a query (`.rq`)
/// of the manifests `manifest-sparql11-query.ttl` includes, withdrawn tests excepted.
///
/// Each directory prints its pass count and every failure by name. A failure listed in
/// `known-syntax-failures.txt` is tolerated; any other fails the test (a ratchet).
@Suite("W3C SPARQL 1.1 syntax tests")
struct SyntaxConformanceTests {
    @Test("every syntax test passes, apart from the listed known failures")
    func syntaxTests() throws {
        let tests = try SPARQLManifest.load().filter { $0.kind != .evaluation }
        #expect(tests.count > 100, "expected the W3C syntax tests, found \(tests.count)")
        try report(tests, title: "syntax tests")
    }

    @Test("the query of every evaluation test parses")
    func evaluationQueriesParse() throws {
        let tests = try SPARQLManifest.load().filter { $0.kind == .evaluation }
        #expect(tests.count > 200, "expected the W3C evaluation tests, found \(tests.count)")
        try report(tests, title: "evaluation-test queries")
    }

    @Test("the known-failures list names only real tests")
    func knownFailuresAreReal() throws {
        let ids = Set(try SPARQLManifest.load().map(\.id))
        for (id, _) in try SPARQLManifest.knownFailures() where !ids.contains(id) {
            Issue.record("known-syntax-failures.txt lists \(id), which is not a test")
        }
    }

    private func report(_ tests: [SPARQLSyntaxTest], title: String) throws {
        let known = try SPARQLManifest.knownFailures()
        var byDirectory: [String: (passed: Int, total: Int)] = [:]
        var lines: [String] = []
        var unexpected: [String] = []
        for test in tests {
            let (passed, detail) = test.run()
            byDirectory[test.directory, default: (0, 0)].total += 1
            if passed {
                byDirectory[test.directory, default: (0, 0)].passed += 1
                if known[test.id] != nil { lines.append("  NOW PASSES \(test.id) — remove it from known-syntax-failures.txt") }
            } else if let reason = known[test.id] {
                lines.append("  FAIL \(test.id) \"\(test.name)\": \(detail) — known: \(reason)")
            } else {
                lines.append("  FAIL \(test.id) \"\(test.name)\": \(detail) — NOT IN known-syntax-failures.txt")
                unexpected.append("\(test.id) \"\(test.name)\": \(detail)")
            }
        }
        var text = "W3C SPARQL 1.1 \(title):\n"
        for directory in byDirectory.keys.sorted() {
            let (passed, total) = byDirectory[directory]!
            text += "  \(directory.padding(toLength: 20, withPad: " ", startingAt: 0)) \(passed)/\(total)\n"
        }
        let passed = byDirectory.values.map(\.passed).reduce(0, +)
        text += "  \("total".padding(toLength: 20, withPad: " ", startingAt: 0)) \(passed)/\(tests.count)\n"
        text += lines.map { $0 + "\n" }.joined()
        print(text, terminator: "")
        for failure in unexpected {
            Issue.record("\(failure) (not in known-syntax-failures.txt)")
        }
    }
}

/// One test: a query file and whether it must parse.
struct SPARQLSyntaxTest: Sendable {
    enum Kind: Sendable { case positive, negative, evaluation }

    /// The directory under `sparql11` (`syntax-query`, `aggregates`, …).
    let directory: String
    /// The fragment of the test's IRI (`test_43`, `agg08`), unique within its manifest.
    let fragment: String
    /// mf:name.
    let name: String
    let kind: Kind
    let path: String
    /// The IRI the query is read with as base: where the manifest says the file is.
    let baseIRI: String

    /// How the known-failures list names this test.
    var id: String { "\(directory)#\(fragment)" }

    /// Whether the parser did what the test expects, and what happened.
    func run() -> (passed: Bool, detail: String) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return (false, "cannot read \(path): \(error)")
        }
        do {
            _ = try SPARQLParser.parse(text, baseIRI: baseIRI)
            return kind == .negative ? (false, "parsed, but must be rejected") : (true, "parsed")
        } catch let error as SPARQLSyntaxError {
            return kind == .negative ? (true, "rejected: \(error)") : (false, "rejected: \(error)")
        } catch {
            return (false, "threw something other than SPARQLSyntaxError: \(error)")
        }
    }
}

/// Reads the manifests through Grapevine's own Turtle parser.
enum SPARQLManifest {
    private static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
    private static let qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
    private static let dawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"

    /// The package root, from this file's path (Tests/SPARQLTests/<file>).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let suiteRoot: URL = packageRoot.appendingPathComponent("../shared/w3c/sparql11").standardizedFileURL
    static let knownFailuresFile: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("known-syntax-failures.txt")

    private static let syntaxKinds: [String: SPARQLSyntaxTest.Kind] = [
        "PositiveSyntaxTest11": .positive, "PositiveSyntaxTest": .positive,
        "NegativeSyntaxTest11": .negative, "NegativeSyntaxTest": .negative,
        "QueryEvaluationTest": .evaluation,
    ]

    struct ManifestError: Error, CustomStringConvertible {
        var description: String
    }

    /// known-syntax-failures.txt: `<directory>#<fragment> reason` per line, `#` comments.
    static func knownFailures() throws -> [String: String] {
        let text = try String(contentsOf: knownFailuresFile, encoding: .utf8)
        var reasons: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            reasons[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return reasons
    }

    /// Every test of the query manifest and the manifests it includes.
    static func load() throws -> [SPARQLSyntaxTest] {
        let top = suiteRoot.appendingPathComponent("manifest-sparql11-query.ttl")
        let graph = try ManifestGraph(top)
        var tests: [SPARQLSyntaxTest] = []
        for manifest in graph.manifests() {
            for include in graph.list(graph.value(manifest, mf + "include")) {
                guard let iri = include.iriValue, let url = URL(string: iri), url.isFileURL else {
                    throw ManifestError(description: "mf:include \(include) is not a local file")
                }
                tests += try loadSubManifest(url)
            }
        }
        return tests
    }

    private static func loadSubManifest(_ url: URL) throws -> [SPARQLSyntaxTest] {
        let graph = try ManifestGraph(url)
        let directory = url.deletingLastPathComponent().lastPathComponent
        var tests: [SPARQLSyntaxTest] = []
        for manifest in graph.manifests() {
            for entry in graph.list(graph.value(manifest, mf + "entries")) {
                let approval = graph.value(entry, dawgt + "approval") ?? graph.value(entry, mf + "approval")
                if approval == .iri(dawgt + "Withdrawn") { continue }
                let types = graph.values(entry, RDFVocabulary.type).compactMap(\.iriValue)
                guard let kind = types.lazy.compactMap({ type in
                    type.hasPrefix(mf) ? syntaxKinds[String(type.dropFirst(mf.count))] : nil
                }).first else { continue }
                // The query: mf:action itself (syntax tests) or its qt:query (evaluation tests).
                var action = graph.value(entry, mf + "action")
                if kind == .evaluation, let a = action { action = graph.value(a, qt + "query") }
                guard let iri = action?.iriValue, iri.hasSuffix(".rq"), let file = URL(string: iri) else { continue }
                let fragment = entry.iriValue.flatMap { $0.split(separator: "#").last.map(String.init) } ?? "\(entry)"
                let name = graph.value(entry, mf + "name")?.literalValue?.lexical ?? fragment
                tests.append(SPARQLSyntaxTest(directory: directory, fragment: fragment, name: name, kind: kind,
                                              path: file.path, baseIRI: iri))
            }
        }
        return tests
    }
}
