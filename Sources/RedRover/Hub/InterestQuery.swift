import RDF
import SPARQL

/// Turns a SPARQL interest into the query that lists the resources it asks for.
///
/// Two forms are accepted: a SELECT that projects `?resource`, or a group graph pattern (with or
/// without its braces) that binds it, which becomes `SELECT DISTINCT ?resource WHERE { … }`. The
/// prefixes gv:, dcterms:, rdf:, rdfs:, xsd: and foaf: are declared in front, so an interest can be
/// as short as `?resource dcterms:subject "jazz"`; the interest's own PREFIX lines win. Errors
/// are reported at the line and column of the interest as the subscriber wrote it.
enum InterestQuery {
    static let prefixes: [(name: String, namespace: String)] = [
        ("gv", GV.namespace), ("dcterms", DCTerms.namespace), ("rdf", RDFVocabulary.namespace),
        ("rdfs", RDFS.namespace), ("xsd", XSD.namespace), ("foaf", "http://xmlns.com/foaf/0.1/"),
    ]

    private static let header = prefixes.map { "PREFIX \($0.name): <\($0.namespace)>" }.joined(separator: "\n") + "\n"
    private static let headerLines = prefixes.count
    private static let resource = Variable("resource")

    /// The query for a SPARQL interest, or `.invalidInterest` saying what is wrong and where.
    static func parse(_ text: String) throws(HubError) -> Query {
        let first = text.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() } ?? ""
        if ["select", "prefix", "base", "ask", "construct", "describe"].contains(first) {
            let query = try parse(header + text, userLinesStartAt: headerLines + 1, text: text)
            guard case .select(let variables) = query.form, variables.contains(resource) else {
                throw .invalidInterest("a SPARQL interest must be a SELECT that projects ?resource, or a graph pattern that binds it")
            }
            return query
        }
        let all = try parse(header + "SELECT * WHERE {\n" + text + "\n}", userLinesStartAt: headerLines + 2, text: text)
        guard case .select(let variables) = all.form, variables.contains(resource) else {
            throw .invalidInterest("the pattern does not bind ?resource (it names the resources to send hints about)")
        }
        return try parse(header + "SELECT DISTINCT ?resource WHERE {\n" + text + "\n}", userLinesStartAt: headerLines + 2, text: text)
    }

    /// Parses `source`, whose line `userLinesStartAt` is the interest's first line.
    private static func parse(_ source: String, userLinesStartAt firstLine: Int, text: String) throws(HubError) -> Query {
        do {
            return try SPARQLParser.parse(source)
        } catch let error as SPARQLSyntaxError {
            let line = error.line - firstLine + 1
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            if line < 1 || line > lineCount {
                throw .invalidInterest("at the end: \(error.message)")
            }
            throw .invalidInterest("line \(line), column \(error.column): \(error.message)")
        } catch {
            throw .invalidInterest("\(error)")
        }
    }
}
