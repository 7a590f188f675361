import RDF
import SPARQL
import Testing

/// Shorthands for the parser tests: terms, variables and expressions as the translator makes them.
enum ParserFixture {
    static let ex = "http://example.org/"
    static let prefixes = "PREFIX : <http://example.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "

    /// Parses `text` after the `:` and `xsd:` prefix declarations.
    static func parse(_ text: String, baseIRI: String? = nil) throws -> Query {
        try SPARQLParser.parse(prefixes + text, baseIRI: baseIRI)
    }

    /// The error `text` is rejected with (as written, no prefixes added), or nil if it parses.
    static func error(_ text: String) -> SPARQLSyntaxError? {
        do {
            _ = try SPARQLParser.parse(text)
            return nil
        } catch let error as SPARQLSyntaxError {
            return error
        } catch {
            Issue.record("not a SPARQLSyntaxError: \(error)")
            return nil
        }
    }

    static func v(_ name: String) -> TermPattern { .variable(Variable(name)) }
    static func iri(_ local: String) -> TermPattern { .term(.iri(ex + local)) }
    static func term(_ term: Term) -> TermPattern { .term(term) }
    static func t(_ s: TermPattern, _ p: TermPattern, _ o: TermPattern) -> TriplePattern { TriplePattern(s, p, o) }
    static func e(_ name: String) -> Expression { .variable(Variable(name)) }
    static func int(_ value: Int) -> Expression { .term(.literal(String(value), datatype: XSD.integer)) }
    static func intTerm(_ value: Int) -> Term { .literal(String(value), datatype: XSD.integer) }
    static func vars(_ names: String...) -> [Variable] { names.map(Variable.init) }

    /// The projected variables of a SELECT.
    static func projection(_ query: Query) -> [Variable]? {
        if case .select(let variables) = query.form { return variables }
        return nil
    }

    /// The algebra under the top `project` of a SELECT.
    static func unprojected(_ query: Query) -> Algebra? {
        if case .project(let inner, _) = query.algebra { return inner }
        return nil
    }
}
