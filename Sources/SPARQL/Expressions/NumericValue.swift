import Foundation
import RDF

/// The value of a numeric literal (§17.3 numeric operators), with XPath's promotion
/// integer → decimal → float → double.
///
/// Integers live in an `Int` and move to a `Decimal` (still typed xsd:integer) when they outgrow it;
/// decimals are `Decimal` (38 significant digits); floats are `Float` so they round as xsd:float does.
enum NumericValue: Sendable {
    case integer(Int)
    /// An xsd:integer outside `Int`'s range.
    case bigInteger(Decimal)
    case decimal(Decimal)
    case float(Float)
    case double(Double)

    typealias Kind = XSDDatatype.NumericKind

    // MARK: From and to terms

    /// The value of a numeric literal, or nil when the literal is not numeric or ill-typed
    /// (e.g. `"abc"^^xsd:integer`, `"-1"^^xsd:positiveInteger`).
    init?(_ literal: Literal) {
        guard literal.language == nil, let kind = XSDDatatype.numericKind(of: literal.datatype) else { return nil }
        let lexical = literal.lexical
        switch kind {
        case .integer:
            guard let value = XSDLexical.integer(lexical) else { return nil }
            if let range = XSDDatatype.derivedIntegers[literal.datatype], !value.fits(range) { return nil }
            self = value
        case .decimal:
            guard let value = XSDLexical.decimal(lexical) else { return nil }
            self = .decimal(value)
        case .float:
            guard let value = XSDLexical.float(lexical) else { return nil }
            self = .float(value)
        case .double:
            guard let value = XSDLexical.double(lexical) else { return nil }
            self = .double(value)
        }
    }

    init?(_ term: Term) {
        guard case .literal(let literal) = term else { return nil }
        self.init(literal)
    }

    /// An xsd:integer from a `Decimal` holding an integral value.
    init(integral value: Decimal) {
        if value >= Decimal(Int.min), value <= Decimal(Int.max), let small = Int(value.description) {
            self = .integer(small)
        } else {
            self = .bigInteger(value)
        }
    }

    var kind: Kind {
        switch self {
        case .integer, .bigInteger: .integer
        case .decimal: .decimal
        case .float: .float
        case .double: .double
        }
    }

    /// The canonical literal of this value, typed by its kind (derived integer types become xsd:integer).
    var term: Term { .literal(lexical, datatype: kind.datatype) }

    var lexical: String {
        switch self {
        case .integer(let value): String(value)
        case .bigInteger(let value): value.description
        case .decimal(let value): XSDLexical.canonical(value)
        case .float(let value): XSDLexical.canonical(value)
        case .double(let value): XSDLexical.canonical(value)
        }
    }

    private func fits(_ range: XSDDatatype.IntegerRange) -> Bool {
        let value = decimalValue
        if let minimum = range.minimum, value < Decimal(minimum) { return false }
        if let maximum = range.maximum, value > Decimal(maximum) { return false }
        if range.unsignedLong, value > Decimal(string: "18446744073709551615")! { return false }
        return true
    }

    // MARK: Conversions

    /// Exact for integers and decimals; floats and doubles go through their shortest decimal form.
    var decimalValue: Decimal {
        switch self {
        case .integer(let value): Decimal(value)
        case .bigInteger(let value), .decimal(let value): value
        case .float(let value): Decimal(string: value.description) ?? .nan
        case .double(let value): Decimal(string: value.description) ?? .nan
        }
    }

    var doubleValue: Double {
        switch self {
        case .integer(let value): Double(value)
        case .bigInteger(let value), .decimal(let value): Double(value.description) ?? .nan
        case .float(let value): Double(value)
        case .double(let value): value
        }
    }

    var floatValue: Float {
        switch self {
        case .integer(let value): Float(value)
        case .bigInteger(let value), .decimal(let value): Float(value.description) ?? .nan
        case .float(let value): value
        case .double(let value): Float(value)
        }
    }

    /// This value promoted to `kind` (which must not be below its own).
    func promoted(to kind: Kind) -> NumericValue {
        if kind == self.kind { return self }
        switch kind {
        case .integer: return self
        case .decimal: return .decimal(decimalValue)
        case .float: return .float(floatValue)
        case .double: return .double(doubleValue)
        }
    }

    var isZero: Bool {
        switch self {
        case .integer(let value): value == 0
        case .bigInteger(let value), .decimal(let value): value.isZero
        case .float(let value): value == 0
        case .double(let value): value == 0
        }
    }

    var isNaN: Bool {
        switch self {
        case .float(let value): value.isNaN
        case .double(let value): value.isNaN
        default: false
        }
    }

    // MARK: Arithmetic (op:numeric-add and friends)

    enum Operation { case add, subtract, multiply, divide }

    /// `a op b` after promotion; integer division gives a decimal. Division by zero is an error for
    /// integers and decimals and INF/NaN for floats and doubles.
    static func apply(_ operation: Operation, _ a: NumericValue, _ b: NumericValue) throws -> NumericValue {
        var kind = max(a.kind, b.kind)
        if operation == .divide, kind == .integer { kind = .decimal }
        switch kind {
        case .integer:
            if case .integer(let x) = a, case .integer(let y) = b {
                let (result, overflow): (Int, Bool) = switch operation {
                case .add: x.addingReportingOverflow(y)
                case .subtract: x.subtractingReportingOverflow(y)
                case .multiply: x.multipliedReportingOverflow(by: y)
                case .divide: (0, true)  // unreachable: division is decimal
                }
                if !overflow { return .integer(result) }
            }
            let result = try decimalOperation(operation, a.decimalValue, b.decimalValue)
            return NumericValue(integral: result)
        case .decimal:
            return .decimal(try decimalOperation(operation, a.decimalValue, b.decimalValue))
        case .float:
            let (x, y) = (a.floatValue, b.floatValue)
            switch operation {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            case .divide: return .float(x / y)
            }
        case .double:
            let (x, y) = (a.doubleValue, b.doubleValue)
            switch operation {
            case .add: return .double(x + y)
            case .subtract: return .double(x - y)
            case .multiply: return .double(x * y)
            case .divide: return .double(x / y)
            }
        }
    }

    private static func decimalOperation(_ operation: Operation, _ x: Decimal, _ y: Decimal) throws -> Decimal {
        let result: Decimal
        switch operation {
        case .add: result = x + y
        case .subtract: result = x - y
        case .multiply: result = x * y
        case .divide:
            guard !y.isZero else { throw ExpressionError("division by zero") }
            result = x / y
        }
        guard !result.isNaN else { throw ExpressionError("decimal overflow") }
        return result
    }

    var negated: NumericValue {
        switch self {
        case .integer(let value):
            let (result, overflow) = Int(0).subtractingReportingOverflow(value)
            return overflow ? NumericValue(integral: -Decimal(value)) : .integer(result)
        case .bigInteger(let value): return NumericValue(integral: -value)
        case .decimal(let value): return .decimal(-value)
        case .float(let value): return .float(-value)
        case .double(let value): return .double(-value)
        }
    }

    // MARK: Comparison (op:numeric-equal, op:numeric-less-than)

    /// Compares after promotion; nil when either side is NaN (every comparison with NaN is false).
    static func compare(_ a: NumericValue, _ b: NumericValue) -> ComparisonResult? {
        switch max(a.kind, b.kind) {
        case .integer:
            if case .integer(let x) = a, case .integer(let y) = b { return order(x, y) }
            return order(a.decimalValue, b.decimalValue)
        case .decimal:
            return order(a.decimalValue, b.decimalValue)
        case .float:
            let (x, y) = (a.floatValue, b.floatValue)
            return x.isNaN || y.isNaN ? nil : order(x, y)
        case .double:
            let (x, y) = (a.doubleValue, b.doubleValue)
            return x.isNaN || y.isNaN ? nil : order(x, y)
        }
    }

    private static func order<T: Comparable>(_ x: T, _ y: T) -> ComparisonResult {
        x < y ? .orderedAscending : (x == y ? .orderedSame : .orderedDescending)
    }

    // MARK: Rounding (fn:abs, fn:ceiling, fn:floor, fn:round)

    enum Rounding { case ceiling, floor, halfUp, towardZero }

    /// The value rounded to an integral value of the same kind. `halfUp` is fn:round:
    /// halves go toward positive infinity (round(2.5) = 3, round(-2.5) = -2).
    func rounded(_ rule: Rounding) -> NumericValue {
        switch self {
        case .integer, .bigInteger:
            return self
        case .decimal(let value):
            return .decimal(Self.round(value, rule))
        case .float(let value):
            return .float(Float(Self.round(Double(value), rule)))
        case .double(let value):
            return .double(Self.round(value, rule))
        }
    }

    static func round(_ value: Decimal, _ rule: Rounding) -> Decimal {
        var input = value
        var result = Decimal()
        switch rule {
        case .ceiling:
            NSDecimalRound(&result, &input, 0, .up)
        case .floor:
            NSDecimalRound(&result, &input, 0, .down)
        case .towardZero:
            NSDecimalRound(&result, &input, 0, value < 0 ? .up : .down)
        case .halfUp:
            NSDecimalRound(&result, &input, 0, .down)
            if value - result >= Decimal(sign: .plus, exponent: -1, significand: 5) { result += 1 }
        }
        return result
    }

    static func round(_ value: Double, _ rule: Rounding) -> Double {
        guard value.isFinite else { return value }
        switch rule {
        case .ceiling: return value.rounded(.up)
        case .floor: return value.rounded(.down)
        case .towardZero: return value.rounded(.towardZero)
        case .halfUp:
            let floor = value.rounded(.down)
            let result = value - floor >= 0.5 ? floor + 1 : floor
            // fn:round keeps the sign of negative values that round to zero.
            return result == 0 && value.sign == .minus ? -0.0 : result
        }
    }

    var absolute: NumericValue {
        switch self {
        case .integer(let value) where value < 0: negated
        case .bigInteger(let value) where value < 0: negated
        case .decimal(let value) where value < 0: negated
        case .float(let value): .float(Swift.abs(value))
        case .double(let value): .double(Swift.abs(value))
        default: self
        }
    }
}
