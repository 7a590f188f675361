/// Parses SPARQL 1.1 queries (https://www.w3.org/TR/sparql11-query/#grammar) and translates them
/// to the algebra (§18.2), solution modifiers included.
public enum SPARQLParser {
    /// Parses one query.
    /// - Parameters:
    ///   - text: the query.
    ///   - baseIRI: the IRI relative references resolve against until a BASE declaration changes it.
    /// - Throws: `SPARQLSyntaxError`, naming the line and column of the problem.
    public static func parse(_ text: String, baseIRI: String? = nil) throws -> Query {
        let source = try SourceText(text)
        let tokens = try Lexer.tokenize(source)
        let parser = QueryParser(tokens: tokens, baseIRI: baseIRI)
        return try parser.parseQueryUnit()
    }
}
