import ArgumentParser
import Foundation
import RDFSyntax
import SPARQL
import Store

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the store or over files.",
        discussion: """
            Over the store, the default graph is the union of every description and GRAPH ranges \
            over the descriptions' graphs; FROM / FROM NAMED pick graphs by IRI.

            Over files, without a store: --data FILE loads a file into the default graph (its \
            relative IRIs resolve against the file's own file: URL) and --named FILE=IRI loads one \
            into the named graph IRI. A dataset given this way replaces the query's FROM / FROM \
            NAMED, as in the SPARQL protocol.

            Output: table on a terminal, else json for SELECT/ASK and ntriples for CONSTRUCT/DESCRIBE; \
            --format picks json, xml, csv, tsv, table, or a graph syntax (ntriples, turtle, rdfxml, …).

            Exit status: 0 answered, 2 the query has a syntax error (line and column on stderr), \
            1 any other failure (time limit, result limit, unreadable data).

            Examples:
              grapevine query 'SELECT ?title WHERE { ?r <http://purl.org/dc/terms/title> ?title } LIMIT 5'
              grapevine query --data catalogue.ttl --format json --file q.rq
              echo 'ASK { ?s ?p ?o }' | grapevine query -
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("data"), help: "Load an RDF file into the default graph (repeatable); queries the files, not the store.")
    var data: [String] = []

    @Option(name: .customLong("named"), help: ArgumentHelp("Load FILE into the named graph IRI (repeatable).", valueName: "FILE=IRI"))
    var named: [String] = []

    @Option(help: "The query's base IRI.")
    var base: String?

    @Option(help: "Output format: json, xml, csv, tsv, table, ntriples, turtle, rdfxml, nquads, trig.")
    var format: String?

    @Option(name: .customLong("file"), help: "Read the query from a file.", completion: .file())
    var queryFile: String?

    @Option(help: "Time limit in seconds.")
    var timeout: Double = 30

    @Option(name: .customLong("max-results"), help: "Most solutions any step of the query may hold.")
    var maxResults: Int = 1_000_000

    @Flag(help: "Print the plan (join order, index per pattern, estimated and actual rows) on stderr.")
    var explain = false

    @Option(name: .customLong("repeat"), help: ArgumentHelp("Run the query this many times and print its latency (median, p95) on stderr.",
                               discussion: "For benchmarks: the timing excludes start-up and output."))
    var repetitions: Int = 1

    @Argument(help: "The query text, or - to read it from standard input.")
    var query: String?

    func validate() throws {
        if (query == nil) == (queryFile == nil) {
            throw ValidationError("give the query as an argument, with --file, or as - for standard input")
        }
        if let format, ResultFormat(name: format) == nil {
            throw ValidationError("unknown format '\(format)' (json, xml, csv, tsv, table, ntriples, turtle, rdfxml, nquads, trig)")
        }
        for pair in named where !pair.contains("=") {
            throw ValidationError("--named takes FILE=IRI, got '\(pair)'")
        }
    }

    func run() throws {
        let text = try reportingErrors { try readQuery() }
        let parsed: SPARQL.Query
        do {
            // A query read from a file resolves relative IRIs against that file, like data files do.
            parsed = try SPARQLParser.parse(text, baseIRI: base ?? queryFile.map { URL(fileURLWithPath: $0).standardizedFileURL.absoluteString })
        } catch let error as SPARQLSyntaxError {
            StandardError.write("grapevine: \(queryFile ?? "query"): \(error)\n")
            throw ExitCode(2)
        }
        try reportingErrors {
            let options = QueryOptions(timeout: timeout, maxResults: maxResults)
            let usesFiles = !data.isEmpty || !named.isEmpty
            let target = usesFiles ? try QuadStore.inMemory() : try store.open()
            var dataset: QueryDataset?
            if usesFiles {
                dataset = try FileDataset.load(into: target, data: data, named: named.map { pair in
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return (file: parts[0], graph: parts[1])
                })
            }
            let engine = QueryEngine(store: target, options: options)
            let result: QueryResult
            if explain {
                let explained = try engine.explain(parsed, dataset: dataset)
                StandardError.write(explained.plan + "\n")
                result = explained.result
            } else {
                var timings: [Double] = []
                var last: QueryResult?
                for _ in 0..<max(1, repetitions) {
                    let started = DispatchTime.now().uptimeNanoseconds
                    last = try engine.execute(parsed, dataset: dataset)
                    timings.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
                }
                result = last!
                if repetitions > 1 {
                    let sorted = timings.sorted()
                    let p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
                    StandardError.write(String(format: "latency ms: median %.3f p95 %.3f min %.3f (%d runs)\n",
                                               sorted[sorted.count / 2], p95, sorted[0], sorted.count))
                }
            }
            let output = StandardOutput()
            let writerOutput = ResultOutput(bytes: { output.write($0) })
            try chosenFormat(for: result).writer(to: writerOutput).write(result)
            writerOutput.flush()
            output.flush()
        }
    }

    private func readQuery() throws -> String {
        if let queryFile {
            return try String(contentsOfFile: queryFile, encoding: .utf8)
        }
        if query == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        return query ?? ""
    }

    private func chosenFormat(for result: QueryResult) -> ResultFormat {
        if let format, let chosen = ResultFormat(name: format) { return chosen }
        if isatty(STDOUT_FILENO) == 1 { return .table }
        if case .graph = result { return .ntriples }
        return .json
    }
}
