import Foundation
import RDF
import Store

/// A solution: one term id per query variable slot, 0 when unbound.
typealias Solution = [Int64]

/// The state of one query run: the snapshot, the variable slots, query-local terms, the dataset
/// in force, and the limits.
final class Evaluation {
    let snapshot: StoreSnapshot
    let query: Query
    let options: QueryOptions
    private(set) var slots: [Variable: Int] = [:]
    private(set) var variables: [Variable] = []
    /// Terms the query computed that the store does not hold, by negative id (-1 is index 0).
    private var localTerms: [Term] = []
    private var localIDs: [Term: Int64] = [:]
    /// Terms, ids and numbers already read from this state of the store.
    let knowledge: StoreKnowledge
    /// Whether `--explain` wants the plans (building their text costs more than a small query).
    let explaining: Bool
    private let deadline: Date
    private var ticks = 0
    /// The default graph: a merge of these graph ids (nil: every graph).
    let defaultGraphs: [Int64]?
    /// The named graphs GRAPH may see (nil: every graph).
    let namedGraphs: [Int64]?
    /// Graphs the query named that the store lacks: they count as empty graphs.
    let hasMissingDefault: Bool
    var explanation: [String] = []
    lazy var expressions = ExpressionEvaluator(context: ExpressionContext(
        baseIRI: query.baseIRI, now: Date(),
        exists: { [unowned self] algebra in try self.existsForCurrent(algebra) }))
    /// The solution EXISTS is evaluated against (set around each expression evaluation).
    var currentSolution: Solution = []
    /// Set while several expressions are evaluated for one solution (a chain of BINDs).
    var holdingSolutionScope = false
    /// A query-wide failure raised where SPARQL would swallow errors (inside EXISTS).
    var abort: QueryError?
    private var existsCache: [ExistsKey: [Solution]] = [:]
    /// The graph patterns are matched against at this point of the evaluation.
    var activeScope: GraphScope = .merge(nil)

    private struct ExistsKey: Hashable {
        var algebra: Algebra
        var scope: GraphScope
    }

    init(snapshot: StoreSnapshot, query: Query, dataset: QueryDataset, options: QueryOptions,
         knowledge: StoreKnowledge, explaining: Bool = false) throws {
        self.snapshot = snapshot
        self.knowledge = knowledge
        self.explaining = explaining
        self.query = query
        self.options = options
        deadline = Date().addingTimeInterval(options.timeout)
        // A publisher IRI (urn:grapevine:publisher:ID) names every graph of its descriptions.
        if let graphs = dataset.defaultGraphs {
            let ids = try graphs.map { try snapshot.graphIDs(forDatasetName: $0) }
            var seen: Set<Int64> = []
            defaultGraphs = ids.joined().filter { seen.insert($0).inserted }
            hasMissingDefault = ids.contains { $0.isEmpty }
        } else {
            defaultGraphs = nil
            hasMissingDefault = false
        }
        namedGraphs = try dataset.namedGraphs.map { names in
            var seen: Set<Int64> = []
            return try names.flatMap { try snapshot.graphIDs(forDatasetName: $0) }.filter { seen.insert($0).inserted }
        }
        collectVariables(query.algebra)
        if case .construct(let template) = query.form { template.forEach { $0.variables.forEach { slot($0) } } }
        if case .describe(let targets) = query.form { targets.compactMap(\.variable).forEach { slot($0) } }
    }

    // MARK: Variables and terms

    @discardableResult
    func slot(_ variable: Variable) -> Int {
        if let index = slots[variable] { return index }
        slots[variable] = variables.count
        variables.append(variable)
        return variables.count - 1
    }

    var width: Int { variables.count }

    private func collectVariables(_ algebra: Algebra) {
        switch algebra {
        case .bgp(let patterns): patterns.forEach { $0.variables.forEach { slot($0) } }
        case .path(let s, _, let o): [s, o].compactMap(\.variable).forEach { slot($0) }
        case .join(let a, let b), .union(let a, let b), .minus(let a, let b):
            collectVariables(a)
            collectVariables(b)
        case .leftJoin(let a, let b, let expression):
            collectVariables(a)
            collectVariables(b)
            if let expression { collectVariables(expression) }
        case .filter(let expression, let a):
            collectVariables(expression)
            collectVariables(a)
        case .graph(let g, let a):
            if let variable = g.variable { slot(variable) }
            collectVariables(a)
        case .extend(let a, let v, let expression):
            collectVariables(a)
            slot(v)
            collectVariables(expression)
        case .values(let vars, _): vars.forEach { slot($0) }
        case .group(let a, let keys, let aggregates):
            collectVariables(a)
            for key in keys {
                collectVariables(key.expression)
                if let variable = key.variable { slot(variable) }
            }
            for binding in aggregates {
                slot(binding.variable)
                if let expression = binding.aggregate.expression { collectVariables(expression) }
            }
        case .orderBy(let a, let conditions):
            collectVariables(a)
            conditions.forEach { collectVariables($0.expression) }
        case .project(let a, let vars):
            collectVariables(a)
            vars.forEach { slot($0) }
        case .distinct(let a), .reduced(let a), .slice(let a, _, _): collectVariables(a)
        case .service(let endpoint, let a, _):
            if let variable = endpoint.variable { slot(variable) }
            collectVariables(a)
        }
    }

    private func collectVariables(_ expression: Expression) {
        switch expression {
        case .variable(let v), .bound(let v): slot(v)
        case .term: break
        case .or(let a, let b), .and(let a, let b), .equal(let a, let b), .notEqual(let a, let b),
             .less(let a, let b), .greater(let a, let b), .lessOrEqual(let a, let b), .greaterOrEqual(let a, let b),
             .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b):
            collectVariables(a)
            collectVariables(b)
        case .not(let a), .unaryPlus(let a), .unaryMinus(let a): collectVariables(a)
        case .in(let a, let list), .notIn(let a, let list):
            collectVariables(a)
            list.forEach(collectVariables)
        case .if(let a, let b, let c): [a, b, c].forEach(collectVariables)
        case .coalesce(let list), .call(_, let list): list.forEach(collectVariables)
        case .exists(let algebra), .notExists(let algebra): collectVariables(algebra)
        }
    }

    /// The id of a term: the store's when it has the term, else a query-local (negative) one.
    func id(_ term: Term) throws -> Int64 {
        if let id = localIDs[term] { return id }
        if let id = try knownStoreID(term) { return id }
        localTerms.append(term)
        let id = -Int64(localTerms.count)
        localIDs[term] = id
        return id
    }

    /// The store's id of a term, or nil when no quad can contain it.
    func storeID(_ term: Term) throws -> Int64? {
        if localIDs[term] != nil { return nil }
        return try knownStoreID(term)
    }

    private func knownStoreID(_ term: Term) throws -> Int64? {
        if let known = knowledge.ids[term] { return known == 0 ? nil : known }
        let id = try snapshot.id(of: term)
        knowledge.remember(id: id, for: term)
        return id
    }

    func term(_ id: Int64) throws -> Term {
        if id < 0 { return localTerms[Int(-id - 1)] }
        if let term = knowledge.terms[id] { return term }
        let term = try snapshot.term(id)
        knowledge.remember(term, for: id)
        return term
    }

    /// The term a solution binds to a variable, as expressions see it.
    private func lookup(_ variable: Variable, in solution: Solution) -> Term? {
        guard let index = slots[variable], index < solution.count, solution[index] != 0 else { return nil }
        return try? term(solution[index])
    }

    /// Makes `solution` the one expressions see; BNODE("label") gives one node per solution.
    private func enter(_ solution: Solution) {
        if !holdingSolutionScope && solution != currentSolution { expressions.startSolution() }
        currentSolution = solution
    }

    // The binding closures below are non-escaping: no allocation or reference counting per call,
    // which matters when a FILTER runs over hundreds of thousands of solutions.
    func isTrue(_ expression: Expression, _ solution: Solution) throws -> Bool {
        enter(solution)
        let result = expressions.isTrue(expression) { lookup($0, in: solution) }
        try rethrowAbort()
        return result
    }

    func value(_ expression: Expression, _ solution: Solution) throws -> Term? {
        enter(solution)
        let result = try? expressions.evaluate(expression) { lookup($0, in: solution) }
        try rethrowAbort()
        return result
    }

    /// The effective boolean value of `expression` for one solution, nil for an error (the
    /// three-valued logic `FilterProgram` combines).
    func truthValue(_ expression: Expression, _ solution: Solution) throws -> Bool? {
        enter(solution)
        let result = try? expressions.effectiveBooleanValue(expressions.evaluate(expression) { lookup($0, in: solution) })
        try rethrowAbort()
        return result
    }

    /// The numeric value of the term with this id, or nil when it is not a well-typed number;
    /// parsed once per id and state of the store.
    func number(_ id: Int64) throws -> NumericValue? {
        if id > 0, let known = knowledge.numbers[id] { return known }
        let value = NumericValue(try term(id))
        if id > 0 { knowledge.remember(number: value, for: id) }
        return value
    }

    /// A limit hit inside EXISTS surfaces here: expression errors are "no value" to SPARQL, but
    /// running out of time or room must stop the whole query.
    private func rethrowAbort() throws {
        if let abort { throw abort }
    }

    // MARK: Limits

    func tick(_ count: Int = 1) throws {
        if let abort { throw abort }
        ticks += count
        if ticks >= 4096 {
            ticks = 0
            if Date() > deadline { throw QueryError.timeout(seconds: options.timeout) }
        }
    }

    func checkSize(_ count: Int) throws {
        if count > options.maxResults { throw QueryError.tooManyResults(limit: options.maxResults) }
    }

    // MARK: EXISTS

    /// EXISTS { P } for the current solution. A pattern whose filters or binds mention the
    /// solution's variables is evaluated with those variables replaced by their values (§18.6);
    /// a pure pattern is matched once per query and checked for a compatible solution.
    private func existsForCurrent(_ algebra: Algebra) throws -> Bool {
        do {
            return try existsForCurrentSolution(algebra)
        } catch let error as QueryError {
            abort = error
            throw error
        }
    }

    private func existsForCurrentSolution(_ algebra: Algebra) throws -> Bool {
        let current = currentSolution
        var bound: [Variable: Term] = [:]
        for (variable, index) in slots where index < current.count && current[index] != 0 {
            bound[variable] = try term(current[index])
        }
        if algebra.hasExpression(mentioning: Set(bound.keys)) {
            let saved = (currentSolution, holdingSolutionScope)
            defer { (currentSolution, holdingSolutionScope) = saved }
            let solutions = try evaluate(algebra.substituting(bound), scope: activeScope)
            return solutions.contains { Self.compatible($0, current) }
        }
        let solutions: [Solution]
        let key = ExistsKey(algebra: algebra, scope: activeScope)
        if let cached = existsCache[key] {
            solutions = cached
        } else {
            solutions = try evaluate(algebra, scope: activeScope)
            existsCache[key] = solutions
        }
        return solutions.contains { Self.compatible($0, current) }
    }

    static func compatible(_ a: Solution, _ b: Solution) -> Bool {
        for index in 0..<min(a.count, b.count) where a[index] != 0 && b[index] != 0 && a[index] != b[index] {
            return false
        }
        return true
    }

    static func merge(_ a: Solution, _ b: Solution) -> Solution {
        var result = a
        for index in 0..<b.count where result[index] == 0 { result[index] = b[index] }
        return result
    }

    var emptySolution: Solution { Solution(repeating: 0, count: width) }
}
