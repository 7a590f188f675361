/// A SPARQL expression error (§17.2 "type error"): the expression has no value for this solution.
///
/// Errors are ordinary outcomes, not failures: FILTER treats them as false, BIND and SELECT
/// expressions leave the variable unbound, `||` and `&&` absorb them per §17.2's truth table, and
/// aggregates follow §18.5.1.
public struct ExpressionError: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(message: String) { self.message = message }

    init(_ message: String) { self.message = message }

    public var description: String { message }
}
