import Foundation
import RDF
import RDFSyntax

/// The outcome of one W3C test.
struct W3COutcome: Sendable {
    let test: W3CTest
    let passed: Bool
    /// Why it failed (or, for a passing negative test, the error that rejected it).
    let detail: String
}

/// How a document is read: normally Grapevine's own parse path; optionally the `rapper` tool
/// run directly, for the reference figure (set `GRAPEVINE_CONFORMANCE_PARSER=rapper`).
enum W3CParsePath: String, Sendable {
    case grapevine
    case rapper

    static var selected: W3CParsePath {
        ProcessInfo.processInfo.environment["GRAPEVINE_CONFORMANCE_PARSER"].flatMap(W3CParsePath.init(rawValue:)) ?? .grapevine
    }

    /// Reads the document at `path` as `syntax` with `base` as its base IRI; `needQuads` false
    /// when only acceptance matters.
    func read(_ path: String, syntax: Syntax, base: String, needQuads: Bool = true) throws -> [Quad] {
        switch self {
        case .grapevine:
            // Exactly what `publish` and `convert` do: RDFParser over the file, chunk by chunk.
            return try RDFParser.parseAll(.file(path), options: ParseOptions(syntax: syntax, baseIRI: base))
        case .rapper:
            return try Self.rapper(path, syntax: syntax, base: base, needQuads: needQuads)
        }
    }

    private static func rapper(_ path: String, syntax: Syntax, base: String, needQuads: Bool) throws -> [Quad] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/rapper")
        process.arguments = ["-q", "-i", syntax.raptorName, "-o", "nquads", path, base]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // rapper exits with 2 when it only warned.
        guard process.terminationStatus == 0 || process.terminationStatus == 2 else {
            throw RDFSyntaxError(.syntax, "rapper exited with \(process.terminationStatus)", source: path)
        }
        guard needQuads else { return [] }
        // rapper's own N-Quads output, read back through our path.
        return try RDFParser.parseAll(.bytes(Array(data), name: "rapper output"), options: ParseOptions(syntax: .nquads))
    }
}

enum W3CRunner {
    static func run(_ test: W3CTest, path: W3CParsePath = .selected) -> W3COutcome {
        func outcome(_ passed: Bool, _ detail: String) -> W3COutcome { W3COutcome(test: test, passed: passed, detail: detail) }
        switch test.kind {
        case .positiveSyntax:
            do {
                _ = try path.read(test.action, syntax: test.syntax, base: test.actionBase, needQuads: false)
                return outcome(true, "")
            } catch {
                return outcome(false, "rejected a valid document: \(error)")
            }
        case .negativeSyntax, .negativeEval:
            do {
                let quads = try path.read(test.action, syntax: test.syntax, base: test.actionBase, needQuads: false)
                return outcome(false, path == .rapper ? "accepted an invalid document" : "accepted an invalid document (\(quads.count) quads)")
            } catch let error as RDFSyntaxError where error.kind == .syntax || error.kind == .encoding {
                return outcome(true, "\(error)")
            } catch {
                return outcome(false, "failed for the wrong reason: \(error)")
            }
        case .eval:
            let actual: [Quad]
            do {
                actual = try path.read(test.action, syntax: test.syntax, base: test.actionBase)
            } catch {
                return outcome(false, "rejected a valid document: \(error)")
            }
            guard let result = test.result else { return outcome(false, "no expected result") }
            let expected: [Quad]
            do {
                // Expected results are N-Triples (Turtle, RDF/XML) or N-Quads (TriG), read by the same path.
                let syntax: Syntax = result.path.hasSuffix(".nq") ? .nquads : .ntriples
                expected = try W3CParsePath.grapevine.read(result.path, syntax: syntax, base: result.base)
            } catch {
                return outcome(false, "cannot read the expected result: \(error)")
            }
            if DatasetIsomorphism.areIsomorphic(expected, actual) { return outcome(true, "") }
            let differences = DatasetIsomorphism.differences(expected: expected, actual: actual, limit: 6)
            return outcome(false, "result differs (\(Set(actual).count) quads, expected \(Set(expected).count)): "
                + differences.joined(separator: "; "))
        }
    }
}

/// The known failures: `Tests/ConformanceTests/known-failures.txt`, one test id (`suite#name`)
/// per line followed by the reason; `#` starts a comment line.
struct KnownFailures: Sendable {
    let reasons: [String: String]

    static let file = W3CSuite.packageRoot.appendingPathComponent("Tests/ConformanceTests/known-failures.txt")

    static func load() throws -> KnownFailures {
        let text = try String(contentsOf: file, encoding: .utf8)
        var reasons: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = trimmed.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            reasons[String(parts[0])] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        return KnownFailures(reasons: reasons)
    }
}

/// All suites, run once (in parallel over the cores) and shared by every test that reports on them.
enum W3CResults {
    struct SuiteResult: Sendable {
        let suite: W3CSuite
        let outcomes: [W3COutcome]
        var passed: Int { outcomes.filter(\.passed).count }
    }

    static let all: Result<[W3CSuite: SuiteResult], ManifestError> = {
        var tests: [W3CTest] = []
        do {
            for suite in W3CSuite.allCases { tests += try W3CManifest.load(suite) }
        } catch let error as ManifestError {
            return .failure(error)
        } catch {
            return .failure(.invalid("\(error)"))
        }
        let path = W3CParsePath.selected
        let allTests = tests
        let outcomes = UnsafeMutableBufferPointer<W3COutcome?>.allocate(capacity: tests.count)
        outcomes.initialize(repeating: nil)
        defer { outcomes.deallocate() }
        nonisolated(unsafe) let slots = outcomes
        DispatchQueue.concurrentPerform(iterations: tests.count) { index in
            slots[index] = W3CRunner.run(allTests[index], path: path)
        }
        var results: [W3CSuite: SuiteResult] = [:]
        for suite in W3CSuite.allCases {
            results[suite] = SuiteResult(suite: suite, outcomes: outcomes.compactMap { $0 }.filter { $0.test.suite == suite })
        }
        return .success(results)
    }()
}
