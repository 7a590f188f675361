import Foundation
import RDF
import RDFSyntax

/// Evaluates SPARQL expressions (§17) under one solution at a time.
///
/// An evaluator belongs to one query execution: it holds NOW()'s value, the compiled regular
/// expressions, and the blank nodes BNODE has made. It is not thread-safe; use one per thread.
///
/// Errors are `ExpressionError`s: the expression has no value. Callers decide what that means
/// (FILTER: false, see `isTrue`; BIND / SELECT expressions: unbound; aggregates:
/// `AggregateAccumulator.add(nil)`).
public final class ExpressionEvaluator {
    /// Mutable so the algebra evaluator can swap in an `exists` closure that knows the current solution.
    public var context: ExpressionContext

    private let regexes = XPathRegex()
    /// The resolver for `context.baseIRI`, made when IRI() first needs it.
    private var resolverCache: (base: String, resolver: IRIResolver)?
    private lazy var nowTerm = DateTimeFunctions.now(context.now)
    /// BNODE(string) labels of the current solution.
    private var labelledBlankNodes: [String: String] = [:]
    private var blankNodeCount = 0
    /// A per-evaluator prefix, so blank nodes from two queries (or from data) never share a label.
    private let blankNodePrefix = "bn" + String(UInt32.random(in: .min ... .max), radix: 36) + "x"

    public init(context: ExpressionContext) {
        self.context = context
    }

    /// Call before evaluating expressions for each new solution: BNODE("label") gives the same blank
    /// node for the same label within one solution and a different one in the next (§17.4.2.9).
    /// Without it, BNODE("label") keeps returning the node it first made.
    public func startSolution() {
        labelledBlankNodes.removeAll(keepingCapacity: true)
    }

    // MARK: Evaluation

    /// The value of `expression` under a solution; `binding` gives a variable's term or nil when
    /// unbound. Throws `ExpressionError` when the expression has no value.
    public func evaluate(_ expression: Expression, binding: (Variable) -> Term?) throws -> Term {
        switch expression {
        case .variable(let variable):
            guard let term = binding(variable) else { throw ExpressionError("?\(variable.name) is unbound") }
            return term
        case .term(let term):
            return term
        case .or(let a, let b):
            return ResultTerm.boolean(try logical(a, b, short: true, binding: binding))
        case .and(let a, let b):
            return ResultTerm.boolean(try logical(a, b, short: false, binding: binding))
        case .not(let a):
            return ResultTerm.boolean(!(try effectiveBooleanValue(evaluate(a, binding: binding))))
        case .equal(let a, let b):
            return ResultTerm.boolean(try ValueComparison.equal(evaluate(a, binding: binding), evaluate(b, binding: binding)))
        case .notEqual(let a, let b):
            return ResultTerm.boolean(!(try ValueComparison.equal(evaluate(a, binding: binding), evaluate(b, binding: binding))))
        case .less(let a, let b):
            return ResultTerm.boolean(try order(a, b, binding) == .orderedAscending)
        case .greater(let a, let b):
            return ResultTerm.boolean(try order(a, b, binding) == .orderedDescending)
        case .lessOrEqual(let a, let b):
            let result = try order(a, b, binding)
            return ResultTerm.boolean(result == .orderedAscending || result == .orderedSame)
        case .greaterOrEqual(let a, let b):
            let result = try order(a, b, binding)
            return ResultTerm.boolean(result == .orderedDescending || result == .orderedSame)
        case .add(let a, let b):
            return try arithmetic(.add, a, b, binding)
        case .subtract(let a, let b):
            return try arithmetic(.subtract, a, b, binding)
        case .multiply(let a, let b):
            return try arithmetic(.multiply, a, b, binding)
        case .divide(let a, let b):
            return try arithmetic(.divide, a, b, binding)
        case .unaryPlus(let a):
            return try number(evaluate(a, binding: binding)).term
        case .unaryMinus(let a):
            return try number(evaluate(a, binding: binding)).negated.term
        case .in(let a, let list):
            return ResultTerm.boolean(try membership(a, list, binding))
        case .notIn(let a, let list):
            return ResultTerm.boolean(!(try membership(a, list, binding)))
        case .bound(let variable):
            return ResultTerm.boolean(binding(variable) != nil)
        case .if(let condition, let then, let otherwise):
            let test = try effectiveBooleanValue(evaluate(condition, binding: binding))
            return try evaluate(test ? then : otherwise, binding: binding)
        case .coalesce(let list):
            return try coalesce(list, binding)
        case .exists(let pattern):
            return ResultTerm.boolean(try context.exists(pattern))
        case .notExists(let pattern):
            return ResultTerm.boolean(!(try context.exists(pattern)))
        case .call(let name, let arguments):
            return try call(name, arguments, binding)
        }
    }

    /// The effective boolean value (§17.2.2): booleans by value, strings by non-emptiness, numerics
    /// by being neither zero nor NaN; ill-typed booleans and numerics are false; anything else throws.
    public func effectiveBooleanValue(_ term: Term) throws -> Bool {
        guard case .literal(let literal) = term else { throw ExpressionError("\(term) has no effective boolean value") }
        switch LiteralValue(literal) {
        case .boolean(let value): return value
        case .string(let text), .langString(let text, _): return !text.isEmpty
        case .numeric(let value): return !(value.isZero || value.isNaN)
        case .other where literal.datatype == XSDDatatype.boolean || XSDDatatype.numericKind(of: literal.datatype) != nil:
            return false
        default: throw ExpressionError("\(term) has no effective boolean value")
        }
    }

    /// FILTER's test: the effective boolean value of the expression, errors counting as false.
    public func isTrue(_ expression: Expression, binding: (Variable) -> Term?) -> Bool {
        do {
            return try effectiveBooleanValue(evaluate(expression, binding: binding))
        } catch {
            return false
        }
    }

    // MARK: Operators

    /// `||` (short = true) and `&&` (short = false) with §17.2's error table: an error on one side
    /// is absorbed when the other side decides the result.
    private func logical(_ a: Expression, _ b: Expression, short: Bool, binding: (Variable) -> Term?) throws -> Bool {
        var leftError: (any Error)?
        do {
            if try effectiveBooleanValue(evaluate(a, binding: binding)) == short { return short }
        } catch {
            leftError = error
        }
        let right = try effectiveBooleanValue(evaluate(b, binding: binding))
        if right == short { return short }
        if let leftError { throw leftError }
        return !short
    }

    private func order(_ a: Expression, _ b: Expression, _ binding: (Variable) -> Term?) throws -> ComparisonResult? {
        try ValueComparison.compare(evaluate(a, binding: binding), evaluate(b, binding: binding))
    }

    private func number(_ term: Term) throws -> NumericValue {
        guard let value = NumericValue(term) else { throw ExpressionError("\(term) is not a number") }
        return value
    }

    private func arithmetic(_ operation: NumericValue.Operation, _ a: Expression, _ b: Expression, _ binding: (Variable) -> Term?) throws -> Term {
        let x = try number(evaluate(a, binding: binding))
        let y = try number(evaluate(b, binding: binding))
        return try NumericValue.apply(operation, x, y).term
    }

    /// IN (§17.4.1.9): true if some member is equal; else an error if some comparison erred; else false.
    /// NOT IN is its negation, which gives §17.4.1.10's table.
    private func membership(_ a: Expression, _ list: [Expression], _ binding: (Variable) -> Term?) throws -> Bool {
        let value = try evaluate(a, binding: binding)
        var firstError: (any Error)?
        for member in list {
            do {
                if try ValueComparison.equal(value, evaluate(member, binding: binding)) { return true }
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        return false
    }

    private func coalesce(_ list: [Expression], _ binding: (Variable) -> Term?) throws -> Term {
        for member in list {
            if let value = try? evaluate(member, binding: binding) { return value }
        }
        throw ExpressionError("COALESCE: no argument has a value")
    }

    // MARK: Function calls

    private func call(_ name: String, _ arguments: [Expression], _ binding: (Variable) -> Term?) throws -> Term {
        if name.contains(":") {
            guard XSDCast.targets.contains(name) else { throw ExpressionError("unknown function <\(name)>") }
            try arity(name, arguments, 1)
            return try XSDCast.cast(evaluate(arguments[0], binding: binding), to: name)
        }
        let function = name.uppercased()
        // Forms that do not evaluate all their arguments first.
        switch function {
        case "BOUND":
            guard arguments.count == 1, case .variable(let variable) = arguments[0] else {
                throw ExpressionError("BOUND takes a variable")
            }
            return ResultTerm.boolean(binding(variable) != nil)
        case "IF":
            try arity(function, arguments, 3)
            return try evaluate(.if(arguments[0], arguments[1], arguments[2]), binding: binding)
        case "COALESCE":
            return try coalesce(arguments, binding)
        default:
            break
        }
        let values = try arguments.map { try evaluate($0, binding: binding) }
        return try builtin(function, values)
    }

    private func builtin(_ function: String, _ values: [Term]) throws -> Term {
        func argument(_ count: ClosedRange<Int>) throws {
            guard count.contains(values.count) else {
                throw ExpressionError("\(function) takes \(count.lowerBound)…\(count.upperBound) arguments, not \(values.count)")
            }
        }
        func one() throws -> Term {
            try argument(1...1)
            return values[0]
        }
        func two() throws -> (Term, Term) {
            try argument(2...2)
            return (values[0], values[1])
        }
        switch function {
        // Terms
        case "STR": return try TermFunctions.str(one())
        case "LANG": return try TermFunctions.lang(one())
        case "DATATYPE": return try TermFunctions.datatype(one())
        case "IRI", "URI": return try TermFunctions.iri(one(), base: resolver)
        case "BNODE": return try blankNode(values)
        case "STRLANG":
            let (a, b) = try two()
            return try TermFunctions.strlang(a, b)
        case "STRDT":
            let (a, b) = try two()
            return try TermFunctions.strdt(a, b)
        case "LANGMATCHES":
            let (a, b) = try two()
            return ResultTerm.boolean(try TermFunctions.langMatches(a, b))
        case "SAMETERM":
            let (a, b) = try two()
            return ResultTerm.boolean(ValueComparison.identical(a, b))
        case "ISIRI", "ISURI": return ResultTerm.boolean(try one().isIRI)
        case "ISBLANK": return ResultTerm.boolean(try one().isBlank)
        case "ISLITERAL": return ResultTerm.boolean(try one().isLiteral)
        case "ISNUMERIC": return ResultTerm.boolean(TermFunctions.isNumeric(try one()))
        // Numbers
        case "ABS": return try number(one()).absolute.term
        case "CEIL": return try number(one()).rounded(.ceiling).term
        case "FLOOR": return try number(one()).rounded(.floor).term
        case "ROUND": return try number(one()).rounded(.halfUp).term
        case "RAND":
            try argument(0...0)
            return NumericValue.double(Double.random(in: 0..<1)).term
        // Strings
        case "STRLEN": return try StringFunctions.strlen(one())
        case "SUBSTR":
            try argument(2...3)
            return try StringFunctions.substr(values[0], values[1], values.count == 3 ? values[2] : nil)
        case "UCASE": return try StringFunctions.ucase(one())
        case "LCASE": return try StringFunctions.lcase(one())
        case "ENCODE_FOR_URI": return try StringFunctions.encodeForURI(one())
        case "CONCAT": return try StringFunctions.concat(values)
        case "CONTAINS":
            let (a, b) = try two()
            return ResultTerm.boolean(try StringFunctions.contains(a, b))
        case "STRSTARTS":
            let (a, b) = try two()
            return ResultTerm.boolean(try StringFunctions.strstarts(a, b))
        case "STRENDS":
            let (a, b) = try two()
            return ResultTerm.boolean(try StringFunctions.strends(a, b))
        case "STRBEFORE":
            let (a, b) = try two()
            return try StringFunctions.strbefore(a, b)
        case "STRAFTER":
            let (a, b) = try two()
            return try StringFunctions.strafter(a, b)
        case "REGEX":
            try argument(2...3)
            return ResultTerm.boolean(try StringFunctions.regex(values[0], values[1], values.count == 3 ? values[2] : nil, cache: regexes))
        case "REPLACE":
            try argument(3...4)
            return try StringFunctions.replace(values[0], values[1], values[2], values.count == 4 ? values[3] : nil, cache: regexes)
        // Dates and times
        case "YEAR": return try DateTimeFunctions.field(.year, of: one())
        case "MONTH": return try DateTimeFunctions.field(.month, of: one())
        case "DAY": return try DateTimeFunctions.field(.day, of: one())
        case "HOURS": return try DateTimeFunctions.field(.hours, of: one())
        case "MINUTES": return try DateTimeFunctions.field(.minutes, of: one())
        case "SECONDS": return try DateTimeFunctions.field(.seconds, of: one())
        case "TIMEZONE": return try DateTimeFunctions.timezone(one())
        case "TZ": return try DateTimeFunctions.tz(one())
        case "NOW":
            try argument(0...0)
            return nowTerm
        // Identifiers and hashes
        case "UUID":
            try argument(0...0)
            return .iri("urn:uuid:" + UUID().uuidString.lowercased())
        case "STRUUID":
            try argument(0...0)
            return .literal(UUID().uuidString.lowercased())
        case "MD5", "SHA1", "SHA256", "SHA384", "SHA512":
            return try HashFunctions.hash(HashFunctions.Algorithm(rawValue: function)!, one())
        default:
            throw ExpressionError("unknown function \(function)")
        }
    }

    private var resolver: IRIResolver? {
        guard let base = context.baseIRI else { return nil }
        if let cached = resolverCache, cached.base == base { return cached.resolver }
        let resolver = IRIResolver(base: base)
        resolverCache = (base, resolver)
        return resolver
    }

    private func arity(_ name: String, _ arguments: [Expression], _ count: Int) throws {
        guard arguments.count == count else { throw ExpressionError("\(name) takes \(count) arguments, not \(arguments.count)") }
    }

    /// BNODE() is a fresh blank node; BNODE(label) is the same node for the same label (a simple
    /// literal or xsd:string) within one solution (see `startSolution`).
    private func blankNode(_ values: [Term]) throws -> Term {
        guard values.count <= 1 else { throw ExpressionError("BNODE takes at most one argument") }
        if let value = values.first {
            let label = try StringArgument.simple(value)
            if let existing = labelledBlankNodes[label] { return .blank(existing) }
            let fresh = nextBlankLabel()
            labelledBlankNodes[label] = fresh
            return .blank(fresh)
        }
        return .blank(nextBlankLabel())
    }

    private func nextBlankLabel() -> String {
        blankNodeCount += 1
        return blankNodePrefix + String(blankNodeCount)
    }
}
