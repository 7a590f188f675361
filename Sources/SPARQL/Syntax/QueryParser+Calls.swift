import RDF

/// Built-in calls, aggregates and function calls by IRI (§19.8 rules 70–72, 121–128).
extension QueryParser {
    private static let aggregateNames: Set<String> = ["COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"]
    private static let specialForms: Set<String> = ["BOUND", "IF", "COALESCE", "EXISTS", "NOT"]

    /// Whether `word` starts a BuiltInCall (including aggregates).
    func isBuiltInName(_ word: String) -> Bool {
        let upper = word.uppercased()
        return BuiltInFunction.named(upper) != nil || Self.aggregateNames.contains(upper) || Self.specialForms.contains(upper)
    }

    /// BuiltInCall, if the current word names one; nil otherwise.
    func parseBuiltInCall() throws -> Expression? {
        let token = current
        guard case .word(let word) = token.kind else { return nil }
        let upper = word.uppercased()
        switch upper {
        case "BOUND":
            advance()
            return try nested {
                try expectSymbol("(")
                let variable = try expectVariable()
                try expectSymbol(")")
                return .bound(variable)
            }
        case "IF":
            advance()
            let arguments = try parseArguments()
            guard arguments.count == 3 else { throw error("IF takes 3 arguments, not \(arguments.count)", at: token) }
            return .if(arguments[0], arguments[1], arguments[2])
        case "COALESCE":
            advance()
            return .coalesce(try parseExpressionList())
        case "EXISTS":
            advance()
            return .exists(try parseGroupGraphPattern())
        case "NOT":
            guard peek().isKeyword("EXISTS") else { throw error("NOT must be followed by EXISTS or IN", at: token) }
            advance()
            advance()
            return .notExists(try parseGroupGraphPattern())
        default:
            break
        }
        if Self.aggregateNames.contains(upper) { return try parseAggregate(upper) }
        guard let function = BuiltInFunction.named(upper) else { return nil }
        advance()
        let arguments = function.isList ? try parseExpressionList() : try parseArguments()
        guard function.arguments.contains(arguments.count) else {
            let range = function.arguments
            let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw error("\(upper) takes \(expected) argument\(range.upperBound == 1 ? "" : "s"), not \(arguments.count)", at: token)
        }
        return .call(function.name, arguments)
    }

    /// `( Expression (',' Expression)* )` or NIL.
    private func parseArguments() throws -> [Expression] {
        if acceptNil() { return [] }
        return try nested {
            guard acceptSymbol("(") else { throw unexpected("'('") }
            var arguments = [try parseExpression()]
            while acceptSymbol(",") { arguments.append(try parseExpression()) }
            try expectSymbol(")")
            return arguments
        }
    }

    /// Aggregate (rule 127), replaced by the variable its query level binds it to (§18.2.4.1).
    private func parseAggregate(_ name: String) throws -> Expression {
        let token = advance()
        guard let collector = aggregates else {
            throw error("aggregate \(name) is only allowed in SELECT, HAVING and ORDER BY", at: token)
        }
        guard !insideAggregate else { throw error("aggregates cannot be nested", at: token) }
        let aggregate: Aggregate = try nested {
            guard acceptSymbol("(") else { throw unexpected("'(' after \(name)") }
            let distinct = acceptKeyword("DISTINCT")
            if name == "COUNT" && acceptSymbol("*") {
                try expectSymbol(")")
                return Aggregate(.count, distinct: distinct, expression: nil)
            }
            insideAggregate = true
            defer { insideAggregate = false }
            let expression = try parseExpression()
            var function: Aggregate.Function
            switch name {
            case "COUNT": function = .count
            case "SUM": function = .sum
            case "MIN": function = .min
            case "MAX": function = .max
            case "AVG": function = .avg
            case "SAMPLE": function = .sample
            default: function = .groupConcat(separator: " ")
            }
            if name == "GROUP_CONCAT" && acceptSymbol(";") {
                try expectKeyword("SEPARATOR")
                try expectSymbol("=")
                guard case .string(let separator) = current.kind else { throw unexpected("a string after SEPARATOR =") }
                advance()
                function = .groupConcat(separator: separator)
            }
            try expectSymbol(")")
            return Aggregate(function, distinct: distinct, expression: expression)
        }
        // Aggregates are compared by value; refuse an argument too deep to hash safely.
        if let expression = aggregate.expression, AlgebraDepth.exceeds(expression, limit: Self.maxTreeDepth) {
            throw error("nested too deeply (the argument of \(name) is more than \(Self.maxTreeDepth) levels deep)", at: token)
        }
        return .variable(collector.variable(for: aggregate) { freshVariable("agg") })
    }

    /// iriOrFunction (and FunctionCall when `requireArguments`): an IRI, or a call of the
    /// function it names (`xsd:integer(?x)` is `.call("http://www.w3.org/2001/XMLSchema#integer", …)`).
    func parseIRIOrFunction(requireArguments: Bool) throws -> Expression {
        let iri = try expectIRI()
        if acceptNil() { return .call(iri, []) }
        guard current.isSymbol("(") else {
            if requireArguments { throw unexpected("'(' and the arguments of <\(iri)>") }
            return .term(.iri(iri))
        }
        return try nested {
            advance()
            if current.isKeyword("DISTINCT") {
                throw error("custom aggregate <\(iri)> (DISTINCT …) is not supported")
            }
            var arguments = [try parseExpression()]
            while acceptSymbol(",") { arguments.append(try parseExpression()) }
            try expectSymbol(")")
            return .call(iri, arguments)
        }
    }
}
