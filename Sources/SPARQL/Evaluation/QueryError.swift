import Foundation

/// Why a query could not be answered (its syntax errors are `SPARQLSyntaxError`).
public enum QueryError: Error, Sendable, CustomStringConvertible, Equatable {
    case timeout(seconds: Double)
    case tooManyResults(limit: Int)
    case unsupported(String)
    case unknownGraph(String)

    public var description: String {
        switch self {
        case .timeout(let seconds):
            "the query ran past its time limit of \(seconds.formatted()) s (raise it with --timeout)"
        case .tooManyResults(let limit):
            "the query produced more than \(limit.formatted()) solutions (raise the limit with --max-results, or add LIMIT)"
        case .unsupported(let what):
            what
        case .unknownGraph(let iri):
            "no graph <\(iri)> in the store"
        }
    }
}
