import RDF

/// Query forms, dataset clauses, solution modifiers and VALUES (§19.8 rules 2–28, 61–65).
extension QueryParser {
    func parseQueryForm() throws -> Query {
        if current.isKeyword("SELECT") { return try parseSelectQuery() }
        if current.isKeyword("CONSTRUCT") { return try parseConstructQuery() }
        if current.isKeyword("DESCRIBE") { return try parseDescribeQuery() }
        if current.isKeyword("ASK") { return try parseAskQuery() }
        throw unexpected("SELECT, CONSTRUCT, DESCRIBE or ASK")
    }

    private func makeQuery(_ form: Query.Form, _ algebra: Algebra, _ dataset: (defaults: [String], named: [String])?) -> Query {
        Query(form: form, algebra: algebra, defaultGraphs: dataset?.defaults, namedGraphs: dataset?.named, baseIRI: baseIRI)
    }

    private func parseSelectQuery() throws -> Query {
        var level = QueryLevel()
        try parseSelectClause(&level)
        let dataset = try parseDatasetClauses()
        try parseWhereClause(&level)
        try parseSolutionModifier(&level)
        try parseValuesClause(&level)
        let (algebra, variables) = try level.translate(project: true)
        return makeQuery(.select(variables), algebra, dataset)
    }

    /// SubSelect: a SELECT inside a group, translated to its full algebra (with its projection).
    func parseSubSelect() throws -> Algebra {
        var level = QueryLevel()
        try parseSelectClause(&level)
        try parseWhereClause(&level)
        try parseSolutionModifier(&level)
        try parseValuesClause(&level)
        return try level.translate(project: true).algebra
    }

    private func parseConstructQuery() throws -> Query {
        try expectKeyword("CONSTRUCT")
        var level = QueryLevel()
        let template: [TriplePattern]
        let dataset: (defaults: [String], named: [String])?
        if current.isSymbol("{") {
            template = try parseConstructTemplate()
            dataset = try parseDatasetClauses()
            try parseWhereClause(&level)
        } else {
            // CONSTRUCT WHERE { TriplesTemplate }: the template is also the pattern, a single BGP.
            dataset = try parseDatasetClauses()
            try expectKeyword("WHERE")
            let start = index
            template = try parseConstructTemplate()
            let end = index
            index = start
            try expectSymbol("{")
            blankNodes.startBlock()
            var items: [PatternItem] = []
            try parseTriplesList(into: &items, allowPaths: false)
            try expectSymbol("}")
            assert(index == end)
            var group = GroupBuilder()
            group.addTriples(items)
            level.pattern = group.algebra
        }
        try parseSolutionModifier(&level)
        try parseValuesClause(&level)
        let (algebra, _) = try level.translate(project: false)
        return makeQuery(.construct(template), algebra, dataset)
    }

    /// ConstructTemplate: `{ ConstructTriples? }`. Blank nodes stay blank nodes, each `[]` and
    /// collection node getting a label of its own that no label of the template uses.
    private func parseConstructTemplate() throws -> [TriplePattern] {
        try expectSymbol("{")
        inTemplate = true
        defer { inTemplate = false }
        var items: [PatternItem] = []
        try parseTriplesList(into: &items, allowPaths: false)
        try expectSymbol("}")
        let triples = items.compactMap { item -> TriplePattern? in
            if case .triple(let triple) = item { return triple }
            return nil
        }
        return ConstructTemplate.relabel(triples)
    }

    private func parseDescribeQuery() throws -> Query {
        try expectKeyword("DESCRIBE")
        var level = QueryLevel()
        var resources: [TermPattern] = []
        if current.isSymbol("*") {
            level.star = advance()
        } else {
            while true {
                if case .variable(let name) = current.kind {
                    advance()
                    resources.append(.variable(Variable(name)))
                } else if let iri = try acceptIRI() {
                    resources.append(.term(.iri(iri)))
                } else {
                    break
                }
            }
            guard !resources.isEmpty else { throw unexpected("'*', a variable or an IRI after DESCRIBE") }
        }
        let dataset = try parseDatasetClauses()
        if current.isKeyword("WHERE") || current.isSymbol("{") {
            try parseWhereClause(&level)
        }
        try parseSolutionModifier(&level)
        try parseValuesClause(&level)
        let (algebra, _) = try level.translate(project: false)
        if level.star != nil {
            resources = VariableScope.visible(algebra).map { .variable($0) }
        }
        return makeQuery(.describe(resources), algebra, dataset)
    }

    private func parseAskQuery() throws -> Query {
        try expectKeyword("ASK")
        var level = QueryLevel()
        let dataset = try parseDatasetClauses()
        try parseWhereClause(&level)
        try parseSolutionModifier(&level)
        try parseValuesClause(&level)
        let (algebra, _) = try level.translate(project: false)
        return makeQuery(.ask, algebra, dataset)
    }

    /// SelectClause: `SELECT (DISTINCT|REDUCED)? ( (Var | '(' Expression AS Var ')')+ | '*' )`.
    private func parseSelectClause(_ level: inout QueryLevel) throws {
        try expectKeyword("SELECT")
        if acceptKeyword("DISTINCT") {
            level.distinct = true
        } else if acceptKeyword("REDUCED") {
            level.reduced = true
        }
        if current.isSymbol("*") {
            level.star = advance()
            return
        }
        while true {
            let token = current
            if case .variable(let name) = token.kind {
                advance()
                level.projections.append(.init(variable: Variable(name), expression: nil, token: token))
            } else if token.isSymbol("(") {
                advance()
                let expression = try withAggregates(level.aggregates) { try parseExpression() }
                try expectKeyword("AS")
                let variable = try expectVariable()
                try expectSymbol(")")
                level.projections.append(.init(variable: variable, expression: expression, token: token))
            } else {
                break
            }
        }
        if level.projections.isEmpty { throw unexpected("'*', a variable or '(expression AS ?variable)' after SELECT") }
    }

    /// Runs `body` with aggregates allowed, collected into `collector`.
    func withAggregates<T>(_ collector: AggregateCollector?, _ body: () throws -> T) rethrows -> T {
        let saved = aggregates
        aggregates = collector
        defer { aggregates = saved }
        return try body()
    }

    /// DatasetClause*: nil when there is none; otherwise both lists (either may be empty).
    private func parseDatasetClauses() throws -> (defaults: [String], named: [String])? {
        var defaults: [String] = []
        var named: [String] = []
        var any = false
        while acceptKeyword("FROM") {
            any = true
            if acceptKeyword("NAMED") {
                named.append(try expectIRI())
            } else {
                defaults.append(try expectIRI())
            }
        }
        return any ? (defaults, named) : nil
    }

    /// WhereClause: `WHERE? GroupGraphPattern`.
    private func parseWhereClause(_ level: inout QueryLevel) throws {
        _ = acceptKeyword("WHERE")
        guard current.isSymbol("{") else { throw unexpected("'{' to start the WHERE clause") }
        level.pattern = try parseGroupGraphPattern()
    }

    /// SolutionModifier: GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET.
    private func parseSolutionModifier(_ level: inout QueryLevel) throws {
        if acceptKeyword("GROUP") {
            try expectKeyword("BY")
            var keys: [GroupKey] = []
            repeat {
                keys.append(try parseGroupCondition())
            } while startsGroupCondition()
            level.groupKeys = keys
        }
        if acceptKeyword("HAVING") {
            try withAggregates(level.aggregates) {
                repeat {
                    level.having.append(try parseConstraint())
                } while startsConstraint()
            }
        }
        if current.isKeyword("ORDER") {
            advance()
            try expectKeyword("BY")
            try withAggregates(level.aggregates) {
                repeat {
                    level.order.append(try parseOrderCondition())
                } while startsOrderCondition()
            }
        }
        var sawLimit = false, sawOffset = false
        while true {
            if !sawLimit && acceptKeyword("LIMIT") {
                sawLimit = true
                level.limit = try expectCount("LIMIT")
            } else if !sawOffset && acceptKeyword("OFFSET") {
                sawOffset = true
                level.offset = try expectCount("OFFSET")
            } else {
                break
            }
        }
    }

    private func expectCount(_ clause: String) throws -> Int {
        guard case .integer(let text) = current.kind, let first = text.first, first.isNumber else {
            throw unexpected("a non-negative integer after \(clause)")
        }
        guard let value = Int(text) else { throw error("\(clause) \(text) is too large") }
        advance()
        return value
    }

    private func startsGroupCondition() -> Bool {
        if case .variable = current.kind { return true }
        return startsConstraint()
    }

    /// GroupCondition: BuiltInCall | FunctionCall | '(' Expression (AS Var)? ')' | Var.
    private func parseGroupCondition() throws -> GroupKey {
        if case .variable(let name) = current.kind {
            advance()
            return GroupKey(expression: .variable(Variable(name)), variable: Variable(name))
        }
        if acceptSymbol("(") {
            let expression = try nested { try parseExpression() }
            var variable: Variable?
            if acceptKeyword("AS") {
                variable = try expectVariable()
            } else if case .variable(let v) = expression {
                variable = v
            }
            try expectSymbol(")")
            return GroupKey(expression: expression, variable: variable)
        }
        guard startsConstraint() else { throw unexpected("a GROUP BY condition") }
        return GroupKey(expression: try parseConstraint(), variable: nil)
    }

    private func startsOrderCondition() -> Bool {
        current.isKeyword("ASC") || current.isKeyword("DESC") || startsGroupCondition()
    }

    /// OrderCondition: (ASC|DESC) BrackettedExpression | Constraint | Var.
    private func parseOrderCondition() throws -> OrderCondition {
        if current.isKeyword("ASC") || current.isKeyword("DESC") {
            let ascending = advance().isKeyword("ASC")
            guard current.isSymbol("(") else { throw unexpected("'(' after \(ascending ? "ASC" : "DESC")") }
            return OrderCondition(try parseBracketedExpression(), ascending: ascending)
        }
        if case .variable(let name) = current.kind {
            advance()
            return OrderCondition(.variable(Variable(name)))
        }
        guard startsConstraint() else { throw unexpected("an ORDER BY condition") }
        return OrderCondition(try parseConstraint())
    }

    /// ValuesClause: `(VALUES DataBlock)?` after the query or sub-select.
    private func parseValuesClause(_ level: inout QueryLevel) throws {
        if acceptKeyword("VALUES") {
            level.values = try parseDataBlock()
        }
    }

    /// DataBlock: InlineDataOneVar | InlineDataFull.
    func parseDataBlock() throws -> Algebra {
        var variables: [Variable] = []
        var rows: [[Term?]] = []
        if case .variable(let name) = current.kind {
            advance()
            variables = [Variable(name)]
            try expectSymbol("{")
            while !acceptSymbol("}") {
                rows.append([try parseDataBlockValue()])
            }
            return .values(variables, rows)
        }
        if !acceptNil() {
            guard acceptSymbol("(") else { throw unexpected("a variable or '(' after VALUES") }
            while case .variable(let name) = current.kind {
                advance()
                variables.append(Variable(name))
            }
            try expectSymbol(")")
        }
        try expectSymbol("{")
        while !acceptSymbol("}") {
            let rowToken = current
            var row: [Term?] = []
            if !acceptNil() {
                guard acceptSymbol("(") else { throw unexpected("'(' to start a row of VALUES") }
                while !acceptSymbol(")") {
                    row.append(try parseDataBlockValue())
                }
            }
            guard row.count == variables.count else {
                throw error("a row of VALUES has \(row.count) value\(row.count == 1 ? "" : "s") for \(variables.count) variable\(variables.count == 1 ? "" : "s")", at: rowToken)
            }
            rows.append(row)
        }
        return .values(variables, rows)
    }

    /// DataBlockValue: iri | RDFLiteral | NumericLiteral | BooleanLiteral | UNDEF (nil).
    private func parseDataBlockValue() throws -> Term? {
        if acceptKeyword("UNDEF") { return nil }
        if let iri = try acceptIRI() { return .iri(iri) }
        if let literal = try acceptLiteral() { return literal }
        throw unexpected("an IRI, a literal or UNDEF")
    }

    func expectVariable() throws -> Variable {
        guard case .variable(let name) = current.kind else { throw unexpected("a variable") }
        advance()
        return Variable(name)
    }
}
