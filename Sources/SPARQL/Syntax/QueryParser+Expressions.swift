import RDF

/// Expressions (§19.8 rules 110–120, 128–134): `||`, `&&`, one comparison or IN, `+ -`, `* /`,
/// unary `! + -`, and the primaries.
extension QueryParser {
    func parseExpression() throws -> Expression {
        var e = try parseConditionalAnd()
        while acceptSymbol("||") {
            e = .or(e, try parseConditionalAnd())
        }
        return e
    }

    private func parseConditionalAnd() throws -> Expression {
        var e = try parseRelational()
        while acceptSymbol("&&") {
            e = .and(e, try parseRelational())
        }
        return e
    }

    /// RelationalExpression: at most one comparison, IN or NOT IN.
    private func parseRelational() throws -> Expression {
        let left = try parseAdditive()
        if case .symbol(let s) = current.kind {
            let make: ((Expression, Expression) -> Expression)? = switch s {
            case "=": Expression.equal
            case "!=": Expression.notEqual
            case "<": Expression.less
            case ">": Expression.greater
            case "<=": Expression.lessOrEqual
            case ">=": Expression.greaterOrEqual
            default: nil
            }
            if let make {
                advance()
                return make(left, try parseAdditive())
            }
        }
        if acceptKeyword("IN") { return .in(left, try parseExpressionList()) }
        if current.isKeyword("NOT") && peek().isKeyword("IN") {
            advance()
            advance()
            return .notIn(left, try parseExpressionList())
        }
        return left
    }

    /// AdditiveExpression. A signed number right after an operand (`?a -1`, `?a +2*3`) is the
    /// operator and an unsigned number (grammar note on signed numbers).
    private func parseAdditive() throws -> Expression {
        var e = try parseMultiplicative()
        while true {
            if acceptSymbol("+") {
                e = .add(e, try parseMultiplicative())
            } else if acceptSymbol("-") {
                e = .subtract(e, try parseMultiplicative())
            } else if let (negative, unsigned) = signedNumber() {
                advance()
                var operand: Expression = .term(unsigned)
                while true {
                    if acceptSymbol("*") {
                        operand = .multiply(operand, try parseUnary())
                    } else if acceptSymbol("/") {
                        operand = .divide(operand, try parseUnary())
                    } else {
                        break
                    }
                }
                e = negative ? .subtract(e, operand) : .add(e, operand)
            } else {
                return e
            }
        }
    }

    /// The current token as a sign and an unsigned number, if it is a signed number.
    private func signedNumber() -> (negative: Bool, Term)? {
        let (text, datatype): (String, String)
        switch current.kind {
        case .integer(let t): (text, datatype) = (t, XSD.integer)
        case .decimal(let t): (text, datatype) = (t, XSD.decimal)
        case .double(let t): (text, datatype) = (t, XSD.double)
        default: return nil
        }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        return (sign == "-", .literal(String(text.dropFirst()), datatype: datatype))
    }

    private func parseMultiplicative() throws -> Expression {
        var e = try parseUnary()
        while true {
            if acceptSymbol("*") {
                e = .multiply(e, try parseUnary())
            } else if acceptSymbol("/") {
                e = .divide(e, try parseUnary())
            } else {
                return e
            }
        }
    }

    /// UnaryExpression: `!`, `+` or `-` before a PrimaryExpression (not before another unary).
    private func parseUnary() throws -> Expression {
        if acceptSymbol("!") { return .not(try parsePrimary()) }
        if acceptSymbol("+") { return .unaryPlus(try parsePrimary()) }
        if acceptSymbol("-") { return .unaryMinus(try parsePrimary()) }
        return try parsePrimary()
    }

    /// PrimaryExpression: bracketed expression, built-in call, IRI or function call, literal, variable.
    private func parsePrimary() throws -> Expression {
        let token = current
        switch token.kind {
        case .symbol("("):
            return try parseBracketedExpression()
        case .variable(let name):
            advance()
            return .variable(Variable(name))
        case .iri, .prefixedName:
            return try parseIRIOrFunction(requireArguments: false)
        case .word(let word):
            if let literal = try acceptLiteral() { return .term(literal) }
            if let call = try parseBuiltInCall() { return call }
            throw error("unknown function or keyword '\(word)'", at: token)
        default:
            if let literal = try acceptLiteral() { return .term(literal) }
            throw unexpected("an expression")
        }
    }

    /// BrackettedExpression: `( Expression )`.
    func parseBracketedExpression() throws -> Expression {
        try nested {
            try expectSymbol("(")
            let e = try parseExpression()
            try expectSymbol(")")
            return e
        }
    }

    /// ExpressionList: NIL or `( Expression (',' Expression)* )`.
    func parseExpressionList() throws -> [Expression] {
        if acceptNil() { return [] }
        return try nested {
            try expectSymbol("(")
            var list = [try parseExpression()]
            while acceptSymbol(",") { list.append(try parseExpression()) }
            try expectSymbol(")")
            return list
        }
    }

    /// Whether a Constraint (FILTER, HAVING, ORDER BY condition) starts here.
    func startsConstraint() -> Bool {
        switch current.kind {
        case .symbol("("), .iri, .prefixedName: return true
        case .word(let word): return isBuiltInName(word)
        default: return false
        }
    }

    /// Constraint: BrackettedExpression | BuiltInCall | FunctionCall.
    func parseConstraint() throws -> Expression {
        let token = current
        switch token.kind {
        case .symbol("("):
            return try parseBracketedExpression()
        case .iri, .prefixedName:
            return try parseIRIOrFunction(requireArguments: true)
        case .word(let word):
            if let call = try parseBuiltInCall() { return call }
            throw error("unknown function or keyword '\(word)'", at: token)
        default:
            throw unexpected("'(', a built-in call or a function call")
        }
    }
}
