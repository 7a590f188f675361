import Foundation
import RDF
import RDFSyntax
import Testing

/// The W3C RDF 1.1 syntax suites (N-Triples, N-Quads, Turtle, TriG, RDF/XML) run through
/// Grapevine's own parse path, `RDFParser`, the one `publish` and `convert` use.
///
/// Each suite prints its pass count and every failure by name. A failure listed in
/// `known-failures.txt` is reported but tolerated; any other failure fails the suite (a ratchet),
/// and a listed test that now passes is reported so the list can shrink.
@Suite("W3C RDF 1.1 syntax suites")
struct W3CConformanceTests {
    /// The number of non-withdrawn tests in the five manifests.
    static let expectedTotal = 992

    @Test("suite passes, apart from its listed known failures", arguments: W3CSuite.allCases)
    func suite(_ suite: W3CSuite) throws {
        let results = try W3CResults.all.get()
        let known = try KnownFailures.load()
        let result = try #require(results[suite])
        let path = W3CParsePath.selected

        var report = "\(suite.rawValue) [\(path.rawValue)]: \(result.passed)/\(result.outcomes.count) passed\n"
        var unexpected: [W3COutcome] = []
        var fixed: [W3COutcome] = []
        for outcome in result.outcomes {
            let listed = known.reasons[outcome.test.id]
            if !outcome.passed {
                report += "  FAIL \(outcome.test.id) (\(outcome.test.kind.rawValue)): \(outcome.detail)"
                report += listed.map { " — known: \($0)\n" } ?? " — NOT IN known-failures.txt\n"
                if listed == nil { unexpected.append(outcome) }
            } else if listed != nil {
                fixed.append(outcome)
            }
        }
        for outcome in fixed {
            report += "  NOW PASSES \(outcome.test.id) — remove it from known-failures.txt\n"
        }
        print(report, terminator: "")

        // The reference run of `rapper` only reports; the ratchet is for Grapevine's path.
        guard path == .grapevine else { return }
        for outcome in unexpected {
            Issue.record("\(outcome.test.id) failed and is not a known failure: \(outcome.detail)")
        }
    }

    @Test("all 992 tests are counted, and the known-failures list names only real tests")
    func totals() throws {
        let results = try W3CResults.all.get()
        let known = try KnownFailures.load()
        let outcomes = W3CSuite.allCases.flatMap { results[$0]?.outcomes ?? [] }
        let passed = outcomes.filter(\.passed).count
        var table = "W3C RDF 1.1 syntax suites through \(W3CParsePath.selected.rawValue):\n"
        for suite in W3CSuite.allCases {
            guard let result = results[suite] else { continue }
            table += "  \(suite.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(result.passed)/\(result.outcomes.count)\n"
        }
        table += "  total          \(passed)/\(outcomes.count)\n"
        print(table, terminator: "")

        #expect(outcomes.count == Self.expectedTotal)
        let ids = Set(outcomes.map(\.test.id))
        for id in known.reasons.keys.sorted() where !ids.contains(id) {
            Issue.record("known-failures.txt names \(id), which is not a test of the suites")
        }
    }
}
