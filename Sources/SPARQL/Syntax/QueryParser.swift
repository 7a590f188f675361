import RDF
import RDFSyntax

/// The recursive-descent parser for the SPARQL 1.1 Query grammar (§19), translating to the algebra
/// (§18.2) as it goes. One parser reads one query; `SPARQLParser` is the public entry point.
///
/// The grammar is split by topic over the `QueryParser+…` files: query forms and solution
/// modifiers, group graph patterns, triples, property paths, expressions and function calls.
final class QueryParser {
    /// How deeply groups, brackets, collections and paths may nest. Past this the query is
    /// refused with a syntax error instead of exhausting the stack.
    static let maxDepth = 500
    /// How deep the translated algebra may be: flat chains (`a || b || …`, many UNIONs or
    /// OPTIONALs in one group) make deep trees without nesting in the text.
    static let maxTreeDepth = 2000

    let tokens: [Token]
    var index = 0

    var prefixes: [String: String] = [:]
    var baseIRI: String?
    private var resolver: IRIResolver?

    private var depth = 0
    private let stack = StackGuard()
    private var freshCount = 0
    var blankNodes = BlankNodeScope()

    /// The aggregates of the query level whose SELECT, HAVING or ORDER BY is being read; nil where
    /// aggregates are not allowed (WHERE, FILTER, BIND, GROUP BY, VALUES).
    var aggregates: AggregateCollector?
    /// Set while reading an aggregate's argument: aggregates do not nest.
    var insideAggregate = false
    /// Set while reading a CONSTRUCT template: blank nodes stay blank nodes there.
    var inTemplate = false

    init(tokens: [Token], baseIRI: String?) {
        self.tokens = tokens
        setBase(baseIRI)
    }

    // MARK: Tokens

    var current: Token { tokens[index] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func error(_ message: String, at token: Token? = nil) -> SPARQLSyntaxError {
        let token = token ?? current
        return SPARQLSyntaxError(message: message, line: token.line, column: token.column)
    }

    /// "expected X, found Y" at the current token.
    func unexpected(_ expected: String) -> SPARQLSyntaxError {
        error("expected \(expected), found \(current.shown)")
    }

    func acceptSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    func expectSymbol(_ symbol: String) throws {
        guard acceptSymbol(symbol) else { throw unexpected("'\(symbol)'") }
    }

    func acceptKeyword(_ keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    func expectKeyword(_ keyword: String) throws {
        guard acceptKeyword(keyword) else { throw unexpected(keyword) }
    }

    /// NIL, or `(` `)` with a comment between them.
    func acceptNil() -> Bool {
        if current.kind == .nilList { advance(); return true }
        if current.isSymbol("("), peek().isSymbol(")") { advance(); advance(); return true }
        return false
    }

    /// Runs a nested construct, refusing input that nests deeper than `maxDepth`.
    func nested<T>(_ body: () throws -> T) throws -> T {
        guard depth < Self.maxDepth else { throw error("nested too deeply (more than \(Self.maxDepth) levels)") }
        guard !stack.isExhausted else { throw error("nested too deeply for this thread's stack (\(depth) levels)") }
        depth += 1
        defer { depth -= 1 }
        return try body()
    }

    /// A variable nobody can write (`.` starts no variable name), hence never projected by `*`.
    func freshVariable(_ kind: String) -> Variable {
        defer { freshCount += 1 }
        return Variable(".\(kind)\(freshCount)")
    }

    /// A blank node label for a CONSTRUCT template; `ConstructTemplate` renames these.
    func freshTemplateLabel() -> String {
        defer { freshCount += 1 }
        return ".anon\(freshCount)"
    }

    // MARK: IRIs

    func setBase(_ iri: String?) {
        baseIRI = iri
        resolver = iri.map { IRIResolver(base: $0) }
    }

    /// An IRIREF's text resolved against the base (RFC 3986 §5.2); kept as written without a base.
    func resolve(_ reference: String) -> String {
        resolver?.resolve(reference) ?? reference
    }

    /// The IRI of `iri` (IRIREF or prefixed name) at the current token, or nil if it is neither.
    func acceptIRI() throws -> String? {
        switch current.kind {
        case .iri(let text):
            advance()
            return resolve(text)
        case .prefixedName(let prefix, let local):
            guard let namespace = prefixes[prefix] else {
                throw error("unknown prefix '\(prefix):'")
            }
            advance()
            return namespace + local
        default:
            return nil
        }
    }

    func expectIRI() throws -> String {
        guard let iri = try acceptIRI() else { throw unexpected("an IRI") }
        return iri
    }

    // MARK: Entry

    /// QueryUnit: Prologue, then one of the four query forms, then the end of the text.
    func parseQueryUnit() throws -> Query {
        try parsePrologue()
        let formToken = current
        let query = try parseQueryForm()
        guard current.kind == .end else { throw error("unexpected \(current.shown) after the end of the query") }
        if AlgebraDepth.exceeds(query.algebra, limit: Self.maxTreeDepth) {
            throw error("nested too deeply (the query's algebra is more than \(Self.maxTreeDepth) levels deep)", at: formToken)
        }
        return query
    }

    /// Prologue: BASE and PREFIX declarations, in any order.
    func parsePrologue() throws {
        while true {
            if acceptKeyword("BASE") {
                guard case .iri(let text) = current.kind else { throw unexpected("an IRI after BASE") }
                advance()
                setBase(resolve(text))
            } else if acceptKeyword("PREFIX") {
                let declaration = current
                guard case .prefixedName(let prefix, let local) = declaration.kind, local.isEmpty else {
                    throw unexpected("a prefix name ending in ':' after PREFIX")
                }
                advance()
                guard case .iri(let text) = current.kind else { throw unexpected("an IRI for prefix '\(prefix):'") }
                advance()
                prefixes[prefix] = resolve(text)
            } else {
                return
            }
        }
    }
}
