import RDF

/// A query variable, by name without `?` or `$`.
public struct Variable: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var name: String
    public init(_ name: String) { self.name = name }
    public static func < (a: Variable, b: Variable) -> Bool { a.name < b.name }
    public var description: String { "?" + name }
}

/// A position in a triple pattern: a variable or a concrete term.
///
/// Blank nodes written in a query pattern are not terms: the translator turns each into a hidden
/// variable (`.bnode.label`, `.anonN`; no query can write a name starting with `.`), as SPARQL 1.1
/// §18.1.3 allows. `SELECT *` never lists hidden variables.
public enum TermPattern: Hashable, Sendable, CustomStringConvertible {
    case variable(Variable)
    case term(Term)

    public var variable: Variable? { if case .variable(let v) = self { v } else { nil } }
    public var term: Term? { if case .term(let t) = self { t } else { nil } }
    public var description: String {
        switch self {
        case .variable(let v): v.description
        case .term(let t): t.description
        }
    }
}

public struct TriplePattern: Hashable, Sendable, CustomStringConvertible {
    public var subject: TermPattern
    public var predicate: TermPattern
    public var object: TermPattern

    public init(_ subject: TermPattern, _ predicate: TermPattern, _ object: TermPattern) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    public var variables: [Variable] { [subject.variable, predicate.variable, object.variable].compactMap { $0 } }
    public var description: String { "\(subject) \(predicate) \(object)" }
}

/// SPARQL 1.1 property paths (§9, algebra §18.2.2.4).
public indirect enum PropertyPath: Hashable, Sendable {
    case link(String)
    case inverse(PropertyPath)
    case sequence(PropertyPath, PropertyPath)
    case alternative(PropertyPath, PropertyPath)
    case zeroOrMore(PropertyPath)
    case oneOrMore(PropertyPath)
    case zeroOrOne(PropertyPath)
    /// `!(iri | ^iri | …)`: forward IRIs that must not match, and inverse IRIs that must not match.
    case negated(forward: [String], inverse: [String])
}

/// The SPARQL algebra (§18.2), the form every query takes between the parser and the evaluator.
public indirect enum Algebra: Hashable, Sendable {
    /// A basic graph pattern; `bgp([])` is the identity of join (one empty solution).
    case bgp([TriplePattern])
    case path(TermPattern, PropertyPath, TermPattern)
    case join(Algebra, Algebra)
    /// OPTIONAL, with the filter of the optional part (§18.2.2.6 LeftJoin(Ω1, Ω2, expr)).
    case leftJoin(Algebra, Algebra, Expression?)
    case filter(Expression, Algebra)
    case union(Algebra, Algebra)
    case graph(TermPattern, Algebra)
    case extend(Algebra, Variable, Expression)
    case minus(Algebra, Algebra)
    /// Inline data: a row's nil is UNDEF.
    case values([Variable], [[Term?]])
    /// GROUP BY (keys; an empty list is one group of everything) with the aggregates computed per
    /// group, each bound to its variable. Output solutions bind the key variables and the aggregates.
    case group(Algebra, keys: [GroupKey], aggregates: [AggregateBinding])
    case orderBy(Algebra, [OrderCondition])
    case project(Algebra, [Variable])
    case distinct(Algebra)
    case reduced(Algebra)
    case slice(Algebra, offset: Int, limit: Int?)
    /// SERVICE (federation): kept so the parser can represent it; evaluation refuses it unless SILENT.
    case service(TermPattern, Algebra, silent: Bool)
}

/// A GROUP BY key: an expression, optionally bound to a variable (`GROUP BY (expr AS ?v)`).
/// A plain `GROUP BY ?v` is `GroupKey(expression: .variable(v), variable: v)`.
public struct GroupKey: Hashable, Sendable {
    public var expression: Expression
    public var variable: Variable?
    public init(expression: Expression, variable: Variable?) {
        self.expression = expression
        self.variable = variable
    }
}

public struct AggregateBinding: Hashable, Sendable {
    public var variable: Variable
    public var aggregate: Aggregate
    public init(variable: Variable, aggregate: Aggregate) {
        self.variable = variable
        self.aggregate = aggregate
    }
}

public struct Aggregate: Hashable, Sendable {
    public enum Function: Hashable, Sendable {
        case count, sum, min, max, avg, sample
        case groupConcat(separator: String)
    }
    public var function: Function
    public var distinct: Bool
    /// nil only for COUNT(*).
    public var expression: Expression?
    public init(_ function: Function, distinct: Bool = false, expression: Expression?) {
        self.function = function
        self.distinct = distinct
        self.expression = expression
    }
}

public struct OrderCondition: Hashable, Sendable {
    public var expression: Expression
    public var ascending: Bool
    public init(_ expression: Expression, ascending: Bool = true) {
        self.expression = expression
        self.ascending = ascending
    }
}

/// Expressions (§17). Aggregates never appear here: the translator replaces each with the
/// variable its `group` node binds (§18.2.4.1).
public indirect enum Expression: Hashable, Sendable {
    case variable(Variable)
    case term(Term)
    case or(Expression, Expression)
    case and(Expression, Expression)
    case not(Expression)
    case equal(Expression, Expression)
    case notEqual(Expression, Expression)
    case less(Expression, Expression)
    case greater(Expression, Expression)
    case lessOrEqual(Expression, Expression)
    case greaterOrEqual(Expression, Expression)
    case add(Expression, Expression)
    case subtract(Expression, Expression)
    case multiply(Expression, Expression)
    case divide(Expression, Expression)
    case unaryPlus(Expression)
    case unaryMinus(Expression)
    case `in`(Expression, [Expression])
    case notIn(Expression, [Expression])
    case bound(Variable)
    case `if`(Expression, Expression, Expression)
    case coalesce([Expression])
    case exists(Algebra)
    case notExists(Algebra)
    /// A built-in call by its upper-case SPARQL name (`STR`, `REGEX`, `CONCAT`, `BNODE`, …), or a
    /// function by IRI (XSD casts such as `http://www.w3.org/2001/XMLSchema#integer`).
    case call(String, [Expression])
}

/// A parsed query: its form, its algebra and what else the text said.
public struct Query: Sendable {
    public enum Form: Sendable {
        /// SELECT: the projected variables, in order (SELECT * lists the in-scope ones).
        case select([Variable])
        /// CONSTRUCT: the template (blank nodes in it stay `.term(.blank(label))`, fresh per solution).
        case construct([TriplePattern])
        case ask
        /// DESCRIBE: the resources or variables named (`DESCRIBE *` lists the in-scope variables).
        case describe([TermPattern])
    }

    public var form: Form
    /// The WHERE clause with every solution modifier applied (project, distinct, order, slice).
    public var algebra: Algebra
    /// FROM graphs; nil when the query has no FROM or FROM NAMED.
    public var defaultGraphs: [String]?
    /// FROM NAMED graphs; nil when the query has no FROM or FROM NAMED.
    public var namedGraphs: [String]?
    public var baseIRI: String?

    public init(form: Form, algebra: Algebra, defaultGraphs: [String]? = nil, namedGraphs: [String]? = nil, baseIRI: String? = nil) {
        self.form = form
        self.algebra = algebra
        self.defaultGraphs = defaultGraphs
        self.namedGraphs = namedGraphs
        self.baseIRI = baseIRI
    }
}
