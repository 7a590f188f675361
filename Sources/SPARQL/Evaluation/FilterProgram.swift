import Foundation
import RDF
import Store

/// A FILTER expression compiled for the shapes that dominate filtering cost over large solution
/// sets: a variable compared with a numeric constant, and REGEX with a pattern that is plain text.
///
/// Compiled nodes work on term ids and the numbers `StoreKnowledge` caches per id, so a range
/// filter over 100,000 solutions neither builds terms nor re-parses the constant per row. Anything
/// else (and any row the fast node cannot decide exactly) goes through the general evaluator, so
/// the result is always what §17 says. Values are three-valued: true, false, or nil for an error,
/// combined by `&&`, `||` and `!` as §17.2 does.
indirect enum FilterProgram {
    enum Order { case less, greater, lessOrEqual, greaterOrEqual }

    case and(FilterProgram, FilterProgram)
    case or(FilterProgram, FilterProgram)
    case not(FilterProgram)
    /// `?v op number` (`constantFirst` when written `number op ?v`).
    case numeric(slot: Int, order: Order, constant: NumericValue, constantFirst: Bool)
    /// REGEX(?v, "text") or REGEX(?v, "text", "i") where the text has no metacharacter: a substring
    /// search. `expression` decides the rows it cannot (non-ASCII text under "i").
    case contains(slot: Int, needle: [UInt8], caseInsensitive: Bool, expression: Expression)
    /// `gv:matches(?v, "keywords")`: whether the store's text literal bound to ?v is among those
    /// the full-text index finds (the same words as the `gv:matches` property function).
    case textMatch(slot: Int, matches: Set<Int64>)
    case general(Expression)

    /// The compiled form, or nil when no part of the expression has a fast form. `search` gives
    /// the ids of the text literals matching keywords (for `gv:matches(…)`).
    static func compile(_ expression: Expression, slot: (Variable) -> Int,
                        search: (TextKeywords) throws -> [Int64] = { _ in [] }) throws -> FilterProgram? {
        let program = try build(expression, slot: slot, search: search)
        if case .general = program { return nil }
        return program
    }

    private static func build(_ expression: Expression, slot: (Variable) -> Int,
                              search: (TextKeywords) throws -> [Int64]) throws -> FilterProgram {
        func build(_ expression: Expression) throws -> FilterProgram {
            try Self.build(expression, slot: slot, search: search)
        }
        switch expression {
        case .and(let a, let b): return .and(try build(a), try build(b))
        case .or(let a, let b): return .or(try build(a), try build(b))
        case .not(let a): return .not(try build(a))
        case .call(Evaluation.matchesIRI, let arguments):
            guard arguments.count == 2, case .variable(let variable) = arguments[0], case .term(.literal(let literal)) = arguments[1],
                  literal.language != nil || literal.datatype == XSD.string, let keywords = TextKeywords(literal.lexical) else {
                throw QueryError.unsupported("gv:matches(?text, \"keywords\") takes a variable and a string literal with at least one word")
            }
            return .textMatch(slot: slot(variable), matches: Set(try search(keywords)))
        case .less(let a, let b): return comparison(a, b, .less, expression, slot)
        case .greater(let a, let b): return comparison(a, b, .greater, expression, slot)
        case .lessOrEqual(let a, let b): return comparison(a, b, .lessOrEqual, expression, slot)
        case .greaterOrEqual(let a, let b): return comparison(a, b, .greaterOrEqual, expression, slot)
        case .call(let name, let arguments) where name.uppercased() == "REGEX":
            guard arguments.count == 2 || arguments.count == 3, case .variable(let variable) = arguments[0],
                  case .term(let patternTerm) = arguments[1], let pattern = try? StringArgument.simple(patternTerm),
                  !pattern.isEmpty, pattern.unicodeScalars.allSatisfy(isPlain) else { return .general(expression) }
            var caseInsensitive = false
            if arguments.count == 3 {
                guard case .term(let flagTerm) = arguments[2], let flags = try? StringArgument.simple(flagTerm),
                      flags == "" || flags == "i" else { return .general(expression) }
                caseInsensitive = flags == "i"
            }
            let needle = Array(caseInsensitive ? pattern.lowercased().utf8 : pattern.utf8)
            return .contains(slot: slot(variable), needle: needle, caseInsensitive: caseInsensitive, expression: expression)
        default:
            return .general(expression)
        }
    }

    /// ASCII letters, digits, space and a little punctuation no XPath pattern treats specially
    /// (outside a character class): such a pattern matches exactly its own text.
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        let value = scalar.value
        return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            || " -_,:;'\"/<>=!@#%&~`".unicodeScalars.contains(scalar)
    }

    private static func comparison(_ a: Expression, _ b: Expression, _ order: Order, _ whole: Expression,
                                   _ slot: (Variable) -> Int) -> FilterProgram {
        if case .variable(let variable) = a, case .term(let term) = b, let number = NumericValue(term) {
            return .numeric(slot: slot(variable), order: order, constant: number, constantFirst: false)
        }
        if case .term(let term) = a, case .variable(let variable) = b, let number = NumericValue(term) {
            return .numeric(slot: slot(variable), order: order, constant: number, constantFirst: true)
        }
        return .general(whole)
    }

    /// The expression's value for one solution: true, false, or nil (an error).
    func test(_ solution: Solution, in evaluation: Evaluation) throws -> Bool? {
        switch self {
        case .and(let a, let b):
            let left = try a.test(solution, in: evaluation)
            if left == false { return false }
            let right = try b.test(solution, in: evaluation)
            if right == false { return false }
            return left == true && right == true ? true : nil
        case .or(let a, let b):
            let left = try a.test(solution, in: evaluation)
            if left == true { return true }
            let right = try b.test(solution, in: evaluation)
            if right == true { return true }
            return left == false && right == false ? false : nil
        case .not(let a):
            return try a.test(solution, in: evaluation).map { !$0 }
        case .numeric(let slot, let order, let constant, let constantFirst):
            let id = solution[slot]
            let result: ComparisonResult
            if case .integer(let bound) = constant, id > 0, let value = evaluation.knowledge.integers[id] {
                result = value == bound ? .orderedSame : ((value < bound) != constantFirst ? .orderedAscending : .orderedDescending)
            } else {
                // Unbound, or not a well-typed number: against a number, `<` and friends are errors.
                guard id != 0, let value = try evaluation.number(id) else { return nil }
                guard let order = constantFirst ? NumericValue.compare(constant, value) : NumericValue.compare(value, constant) else {
                    return false
                }
                result = order
            }
            switch order {
            case .less: return result == .orderedAscending
            case .greater: return result == .orderedDescending
            case .lessOrEqual: return result != .orderedDescending
            case .greaterOrEqual: return result != .orderedAscending
            }
        case .contains(let slot, let needle, let caseInsensitive, let expression):
            let id = solution[slot]
            guard id != 0, case .literal(let literal) = try evaluation.term(id),
                  literal.language != nil || literal.datatype == XSDDatatype.string else { return nil }
            var lexical = literal.lexical
            let found: Bool? = lexical.withUTF8 { text in
                if !caseInsensitive { return Self.find(needle, in: text, fold: false) }
                // ICU folds some non-ASCII letters to ASCII ones (K, ſ): leave those texts to it.
                guard text.allSatisfy({ $0 < 0x80 }) else { return nil }
                return Self.find(needle, in: text, fold: true)
            }
            if let found { return found }
            return try evaluation.truthValue(expression, solution)
        case .textMatch(let slot, let matches):
            let id = solution[slot]
            // Only text literals are searched; anything else (or unbound) is an error, as for REGEX.
            guard id != 0, case .literal(let literal) = try evaluation.term(id),
                  literal.language != nil || literal.datatype == XSDDatatype.string else { return nil }
            return matches.contains(id)
        case .general(let expression):
            return try evaluation.truthValue(expression, solution)
        }
    }

    private static func find(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, fold: Bool) -> Bool {
        guard needle.count <= text.count else { return false }
        let first = needle[0]
        for start in 0...(text.count - needle.count) {
            var byte = text[start]
            if fold, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            guard byte == first else { continue }
            var matched = true
            for offset in 1..<needle.count {
                var other = text[start + offset]
                if fold, other >= 0x41, other <= 0x5A { other |= 0x20 }
                if other != needle[offset] {
                    matched = false
                    break
                }
            }
            if matched { return true }
        }
        return false
    }
}

extension Expression {
    /// Whether EXISTS or NOT EXISTS occurs anywhere in the expression.
    var mentionsExists: Bool {
        switch self {
        case .exists, .notExists: return true
        case .variable, .term, .bound: return false
        case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b),
             .less(let a, let b), .greater(let a, let b), .lessOrEqual(let a, let b), .greaterOrEqual(let a, let b),
             .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            return a.mentionsExists || b.mentionsExists
        case .not(let a), .unaryPlus(let a), .unaryMinus(let a): return a.mentionsExists
        case .in(let a, let list), .notIn(let a, let list): return a.mentionsExists || list.contains { $0.mentionsExists }
        case .if(let a, let b, let c): return a.mentionsExists || b.mentionsExists || c.mentionsExists
        case .coalesce(let list), .call(_, let list): return list.contains { $0.mentionsExists }
        }
    }
}
