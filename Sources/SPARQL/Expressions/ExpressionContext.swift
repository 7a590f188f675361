import Foundation

/// What expressions see of the query around them.
public struct ExpressionContext {
    /// The query's base IRI, against which `IRI("relative")` resolves.
    public var baseIRI: String?
    /// The value of NOW(), fixed for the whole query.
    public var now: Date
    /// Evaluates `EXISTS { … }` (§18.6) for the solution being evaluated, supplied by the algebra
    /// evaluator. `NOT EXISTS` is its negation. Errors it throws propagate as expression errors.
    public var exists: (Algebra) throws -> Bool

    public init(baseIRI: String? = nil, now: Date = Date(), exists: @escaping (Algebra) throws -> Bool = { _ in false }) {
        self.baseIRI = baseIRI
        self.now = now
        self.exists = exists
    }
}
