import Foundation
import RDF

/// Reads SPARQL 1.1 Query Results JSON into a `QueryResult`.
///
/// Accepts the SPARQL 1.0 term type `typed-literal` as a literal, an `xml:lang` on any literal
/// (the datatype is then `rdf:langString`), and variables used in bindings but missing from
/// `head.vars` (appended, sorted by name). A document with a `boolean` member is an ASK result.
public enum JSONResultParser {
    public static func parse(_ data: Data) throws -> QueryResult {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw ResultFormatError(.malformed, "not JSON: \(error.localizedDescription)")
        }
        guard let document = root as? [String: Any] else {
            throw ResultFormatError(.malformed, "a SPARQL JSON result must be an object")
        }
        if let boolean = document["boolean"] {
            guard let value = boolean as? Bool else { throw ResultFormatError(.malformed, "\"boolean\" must be true or false") }
            return .boolean(value)
        }
        var variables: [Variable] = []
        if let head = document["head"] {
            guard let head = head as? [String: Any] else { throw ResultFormatError(.malformed, "\"head\" must be an object") }
            if let vars = head["vars"] {
                guard let names = vars as? [Any], names.allSatisfy({ $0 is String }) else {
                    throw ResultFormatError(.malformed, "\"head.vars\" must be an array of strings")
                }
                variables = names.map { Variable($0 as! String) }
            }
        }
        guard let results = document["results"] as? [String: Any], let bindings = results["bindings"] as? [Any] else {
            throw ResultFormatError(.malformed, "a SPARQL JSON result needs \"results.bindings\" or \"boolean\"")
        }
        var solutions: [[String: Term]] = []
        solutions.reserveCapacity(bindings.count)
        for (number, item) in bindings.enumerated() {
            guard let binding = item as? [String: Any] else {
                throw ResultFormatError(.malformed, "solution \(number + 1) is not an object")
            }
            var solution: [String: Term] = [:]
            for (name, value) in binding {
                solution[name] = try term(value, variable: name, solution: number + 1)
            }
            solutions.append(solution)
        }
        let known = Set(variables.map(\.name))
        let extra = Set(solutions.flatMap(\.keys)).subtracting(known).sorted()
        variables += extra.map(Variable.init)
        let rows = solutions.map { solution in variables.map { solution[$0.name] } }
        return .solutions(SolutionTable(variables: variables, rows: rows))
    }

    private static func term(_ value: Any, variable: String, solution: Int) throws -> Term {
        func fail(_ message: String) -> ResultFormatError {
            ResultFormatError(.malformed, "solution \(solution), ?\(variable): \(message)")
        }
        guard let object = value as? [String: Any] else { throw fail("a binding must be an object") }
        guard let type = object["type"] as? String else { throw fail("missing \"type\"") }
        guard let lexical = object["value"] as? String else { throw fail("missing string \"value\"") }
        switch type {
        case "uri":
            return .iri(lexical)
        case "bnode":
            return .blank(lexical)
        case "literal", "typed-literal":
            if let language = object["xml:lang"] {
                guard let language = language as? String, !language.isEmpty else { throw fail("\"xml:lang\" must be a non-empty string") }
                return .literal(lexical, language: language)
            }
            if let datatype = object["datatype"] {
                guard let datatype = datatype as? String else { throw fail("\"datatype\" must be a string") }
                return .literal(lexical, datatype: datatype)
            }
            return .literal(lexical)
        default:
            throw fail("unknown term type \"\(type)\"")
        }
    }
}
