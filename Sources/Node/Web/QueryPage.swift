import Foundation
import Hummingbird
import RDF
import SPARQL

/// `/query`: a SPARQL editor. The query comes as a form field (`GET /query?query=…`, so a result
/// has a URL to share, or `POST` for long queries); solutions come back as a table, a graph as a
/// table of triples, a syntax error with its line and column marked in the text.
enum QueryPage {
    /// Rows of a result shown on the page; the rest are counted, not shown.
    static let rowLimit = 1000
    static let maximumQueryLength = 100_000

    static let prefixes = """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX gv: <https://w3id.org/grapevine/ns#>

        """

    /// Queries to start from; the first fills the editor when it opens.
    static let examples: [(label: String, query: String)] = [
        ("Resources by title", prefixes + """
            SELECT ?resource ?title ?format ?size WHERE {
              ?resource a gv:Resource ;
                        dcterms:title ?title .
              OPTIONAL { ?resource dcterms:format ?format }
              OPTIONAL { ?resource gv:size ?size }
            }
            ORDER BY ?title
            LIMIT 25
            """),
        ("Subjects by use", prefixes + """
            SELECT ?subject (COUNT(?resource) AS ?resources) WHERE {
              ?resource a gv:Resource ;
                        dcterms:subject ?subject .
            }
            GROUP BY ?subject
            ORDER BY DESC(?resources) ?subject
            LIMIT 20
            """),
        ("Locations still valid", prefixes + """
            SELECT ?title ?url ?until WHERE {
              ?resource dcterms:title ?title ;
                        gv:location [ gv:url ?url ; gv:validUntil ?until ] .
              FILTER (?until > NOW())
            }
            ORDER BY ?until
            LIMIT 25
            """),
        ("Publishers", prefixes + """
            SELECT ?publisher ?name (COUNT(?resource) AS ?resources) WHERE {
              ?resource gv:publisher ?publisher .
              OPTIONAL { ?publisher rdfs:label ?name }
            }
            GROUP BY ?publisher ?name
            ORDER BY DESC(?resources)
            """),
        ("A graph (CONSTRUCT)", prefixes + """
            CONSTRUCT { ?resource dcterms:title ?title ; dcterms:creator ?creator }
            WHERE {
              ?resource a gv:Resource ; dcterms:title ?title ; dcterms:creator ?creator .
            }
            LIMIT 20
            """),
    ]

    /// What running the query came to.
    enum Outcome: Sendable {
        case answered(QueryResult, elapsed: Double)
        case syntaxError(SPARQLSyntaxError)
        case failed(String)
    }

    static func respond(to request: Request, node: GrapevineNode) async throws -> Response {
        var request = request
        var form = FormFields(encoded: request.uri.query)
        if request.method == .post {
            let body = try await request.collectBody(upTo: max(node.configuration.maxBodyBytes, maximumQueryLength * 4))
            form = FormFields(encoded: String(buffer: body))
        }
        guard let text = form["query"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return PageLayout.response(page(text: examples[0].query, outcome: nil))
        }
        guard text.unicodeScalars.count <= maximumQueryLength else {
            return PageLayout.response(page(text: String(text.prefix(maximumQueryLength)),
                                            outcome: .failed("The query is longer than \(DisplayFormat.count(maximumQueryLength)) characters.")),
                                       status: .contentTooLarge)
        }
        let engine = node.engine
        let outcome = try await BlockingWork.run { run(text, engine: engine) }
        let status: HTTPResponse.Status
        switch outcome {
        case .answered: status = .ok
        case .syntaxError: status = .badRequest
        case .failed: status = .unprocessableContent
        }
        return PageLayout.response(page(text: text, outcome: outcome), status: status)
    }

    static func run(_ text: String, engine: QueryEngine) -> Outcome {
        let started = Date()
        do {
            let query = try SPARQLParser.parse(text)
            let result = try engine.execute(query)
            return .answered(result, elapsed: Date().timeIntervalSince(started))
        } catch let error as SPARQLSyntaxError {
            return .syntaxError(error)
        } catch {
            return .failed(String(describing: error))
        }
    }

    static func page(text: String, outcome: Outcome?) -> HTML {
        var errorPosition: HTML = .empty
        if case .syntaxError(let error) = outcome {
            errorPosition = " data-error-line=\"\(error.line)\" data-error-column=\"\(error.column)\""
        }
        // Tall enough for the query and a little more, within reason.
        let rows = min(30, max(10, text.split(separator: "\n", omittingEmptySubsequences: false).count + 2))
        let exampleLinks = examples.map { example -> HTML in
            "<li><a href=\"/query?query=\(FormFields.encode(example.query))\">\(example.label)</a></li>"
        }
        let body: HTML = """
            <h1>SPARQL</h1>
            <ul class="examples" aria-label="Example queries">\(exampleLinks)</ul>
            <form class="editor" action="/query" method="get">
            <label class="visually-hidden" for="sparql">SPARQL query</label>
            <textarea id="sparql" name="query" rows="\(rows)" spellcheck="false" autocapitalize="off" autocomplete="off" data-sparql\(errorPosition)>
            \(text)</textarea>
            <div class="editor-actions">
            <button type="submit">Run query</button>
            <span class="hint">Ctrl + Enter runs it · SPARQL 1.1 over every description in this node (the default graph is their union)</span>
            </div>
            </form>
            \(outcome.map { render($0, text: text) })
            """
        return PageLayout.page(title: "SPARQL", section: .query, body: body)
    }

    static func render(_ outcome: Outcome, text: String) -> HTML {
        switch outcome {
        case .syntaxError(let error):
            return """
                <section class="error" role="alert">
                <h2>Syntax error at line \(error.line), column \(error.column)</h2>
                <p>\(error.message)</p>
                \(excerpt(text, line: error.line, column: error.column))
                </section>
                """
        case .failed(let message):
            return """
                <section class="error" role="alert">
                <h2>The query could not be answered</h2>
                <p>\(message)</p>
                </section>
                """
        case .answered(let result, let elapsed):
            return render(result, elapsed: elapsed)
        }
    }

    /// The line with the error and the two before it, and a caret under the column.
    static func excerpt(_ text: String, line: Int, column: Int) -> HTML {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return .empty }
        let first = max(1, line - 2)
        let width = String(line).count
        var shown: [HTML] = []
        for number in first...line {
            let label = String(repeating: " ", count: width - String(number).count) + String(number)
            shown.append("\(label) │ \(String(lines[number - 1]))\n")
        }
        // The caret sits under the column's character; tabs stay tabs so it lines up.
        let before = lines[line - 1].unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        shown.append("\(String(repeating: " ", count: width)) │ \(before)<span class=\"caret\">^</span>")
        return "<pre>\(shown)</pre>"
    }

    static func render(_ result: QueryResult, elapsed: Double) -> HTML {
        let timing = DisplayFormat.milliseconds(elapsed)
        switch result {
        case .boolean(let value):
            return """
                <p class="query-status">ASK · \(timing)</p>
                <p class="boolean">\(value ? "true" : "false")</p>
                """
        case .solutions(let table):
            let header = table.variables.map { "<th scope=\"col\">?\($0.name)</th>" as HTML }
            let rows = table.rows.prefix(rowLimit).enumerated().map { index, row -> HTML in
                let cells = row.map { term -> HTML in
                    guard let term else { return "<td class=\"unbound\"></td>" }
                    return "<td>\(TermView.render(term))</td>"
                }
                return "<tr><td class=\"row-number\">\(index + 1)</td>\(cells)</tr>"
            }
            return """
                <p class="query-status">\(status(table.rows.count, noun: "solution", timing: timing))</p>
                <div class="table-wrap"><table class="solutions">
                <thead><tr><th scope="col" class="row-number">#</th>\(header)</tr></thead>
                <tbody>\(rows)</tbody>
                </table></div>
                \(truncation(table.rows.count))
                """
        case .graph(let triples):
            let rows = triples.prefix(rowLimit).enumerated().map { index, triple -> HTML in
                """
                <tr><td class="row-number">\(index + 1)</td><td>\(TermView.render(triple.subject))</td>\
                <td>\(TermView.render(triple.predicate))</td><td>\(TermView.render(triple.object))</td></tr>
                """
            }
            return """
                <p class="query-status">\(status(triples.count, noun: "triple", timing: timing))</p>
                <div class="table-wrap"><table class="solutions">
                <thead><tr><th scope="col" class="row-number">#</th><th scope="col">Subject</th><th scope="col">Predicate</th><th scope="col">Object</th></tr></thead>
                <tbody>\(rows)</tbody>
                </table></div>
                \(truncation(triples.count))
                """
        }
    }

    private static func status(_ count: Int, noun: String, timing: String) -> HTML {
        "<strong>\(DisplayFormat.count(count))</strong> \(count == 1 ? noun : noun + "s") · \(timing)"
    }

    private static func truncation(_ count: Int) -> HTML {
        guard count > rowLimit else { return .empty }
        return "<p class=\"truncated\">Showing the first \(DisplayFormat.count(rowLimit)) of \(DisplayFormat.count(count)). Add LIMIT and OFFSET to see the others.</p>"
    }
}
