import RDF
import Store

extension Evaluation {
    /// Property paths (§18.4): pairs of (start, end) node ids, evaluated over the active graph.
    func matchPath(_ subject: TermPattern, _ path: PropertyPath, _ object: TermPattern, scope: GraphScope) throws -> [Solution] {
        let start = try fixed(subject)
        let end = try fixed(object)
        if case .some(nil) = start, !Self.mayBeZeroLength(path) { return [] }
        if case .some(nil) = end, !Self.mayBeZeroLength(path) { return [] }
        var pairs: [(Int64, Int64)]
        if let start {
            pairs = try evaluatePath(path, from: start, scope: scope)
            if let end { pairs = pairs.filter { $0.1 == end } }
        } else if let end {
            // Walk backwards from a fixed end: cheaper, and a zero-length path reaches the end
            // itself even when the graph does not mention it.
            pairs = try evaluatePath(.inverse(path), from: end, scope: scope).map { ($0.1, $0.0) }
        } else {
            pairs = try evaluatePath(path, from: nil, scope: scope)
        }
        var result: [Solution] = []
        for (s, o) in pairs {
            var solution = emptySolution
            if let variable = subject.variable { solution[slot(variable)] = s }
            if let variable = object.variable {
                let index = slot(variable)
                if solution[index] != 0 && solution[index] != o { continue }
                solution[index] = o
            }
            result.append(solution)
            try checkSize(result.count)
        }
        return result
    }

    /// nil: a variable; .some(nil): a term no quad contains; .some(id): a term's id.
    private func fixed(_ pattern: TermPattern) throws -> Int64?? {
        guard case .term(let term) = pattern else { return nil }
        return .some(try storeID(term) ?? (try id(term)))
    }

    private static func mayBeZeroLength(_ path: PropertyPath) -> Bool {
        switch path {
        case .zeroOrMore, .zeroOrOne: true
        case .sequence(let a, let b): mayBeZeroLength(a) && mayBeZeroLength(b)
        case .alternative(let a, let b): mayBeZeroLength(a) || mayBeZeroLength(b)
        case .inverse(let a): mayBeZeroLength(a)
        default: false
        }
    }

    /// All (start, end) pairs of `path`, from `start` when it is fixed.
    func evaluatePath(_ path: PropertyPath, from start: Int64?, scope: GraphScope) throws -> [(Int64, Int64)] {
        try tick()
        switch path {
        case .link(let iri):
            guard let predicate = try storeID(.iri(iri)) else { return [] }
            return try edges(subject: start, predicate: .constant(predicate), scope: scope).map { ($0.0, $0.2) }
        case .inverse(.link(let iri)):
            guard let predicate = try storeID(.iri(iri)) else { return [] }
            return try edges(object: start, predicate: predicate, scope: scope).map { ($0.2, $0.0) }
        case .inverse(let inner):
            if let start {
                return try evaluatePath(Self.reversed(inner), from: start, scope: scope)
            }
            return try evaluatePath(inner, from: nil, scope: scope).map { ($0.1, $0.0) }
        case .sequence(let a, let b):
            var result: [(Int64, Int64)] = []
            let first = try evaluatePath(a, from: start, scope: scope)
            var cache: [Int64: [(Int64, Int64)]] = [:]
            for (s, middle) in first {
                let rest: [(Int64, Int64)]
                if let cached = cache[middle] {
                    rest = cached
                } else {
                    rest = try evaluatePath(b, from: middle, scope: scope)
                    cache[middle] = rest
                }
                for (_, o) in rest { result.append((s, o)) }
                try checkSize(result.count)
            }
            return result
        case .alternative(let a, let b):
            return try evaluatePath(a, from: start, scope: scope) + evaluatePath(b, from: start, scope: scope)
        case .zeroOrOne(let inner):
            var seen = Set<Pair>()
            var result: [(Int64, Int64)] = []
            for node in try starts(start, scope: scope) where seen.insert(Pair(node, node)).inserted { result.append((node, node)) }
            for pair in try evaluatePath(inner, from: start, scope: scope) where seen.insert(Pair(pair.0, pair.1)).inserted {
                result.append(pair)
            }
            return result
        case .zeroOrMore(let inner), .oneOrMore(let inner):
            let includeSelf: Bool = if case .zeroOrMore = path { true } else { false }
            var result: [(Int64, Int64)] = []
            let origins: [Int64]
            if let start {
                origins = [start]
            } else if includeSelf {
                origins = try allNodes(scope)
            } else {
                origins = try evaluatePath(inner, from: nil, scope: scope).map(\.0)
            }
            var done = Set<Int64>()
            for origin in origins where done.insert(origin).inserted {
                for end in try closure(inner, from: origin, includeSelf: includeSelf, scope: scope) {
                    result.append((origin, end))
                }
                try checkSize(result.count)
            }
            return result
        case .negated(let forward, let inverse):
            var result: [(Int64, Int64)] = []
            let excludedForward = Set(try forward.compactMap { try storeID(.iri($0)) })
            let excludedInverse = Set(try inverse.compactMap { try storeID(.iri($0)) })
            if !forward.isEmpty || inverse.isEmpty {
                for (s, p, o) in try edges(subject: start, predicate: nil, scope: scope) where !excludedForward.contains(p) {
                    result.append((s, o))
                }
            }
            if !inverse.isEmpty {
                for (s, p, o) in try edges(object: start, scope: scope) where !excludedInverse.contains(p) {
                    result.append((o, s))
                }
            }
            return result
        }
    }

    private struct Pair: Hashable {
        var a: Int64
        var b: Int64
        init(_ a: Int64, _ b: Int64) {
            self.a = a
            self.b = b
        }
    }

    /// The path walked backwards: `^p` from a fixed end.
    private static func reversed(_ path: PropertyPath) -> PropertyPath {
        switch path {
        case .link: .inverse(path)
        case .inverse(let inner): inner
        case .sequence(let a, let b): .sequence(reversed(b), reversed(a))
        case .alternative(let a, let b): .alternative(reversed(a), reversed(b))
        case .zeroOrMore(let inner): .zeroOrMore(reversed(inner))
        case .oneOrMore(let inner): .oneOrMore(reversed(inner))
        case .zeroOrOne(let inner): .zeroOrOne(reversed(inner))
        case .negated(let forward, let inverse): .negated(forward: inverse, inverse: forward)
        }
    }

    /// Nodes reachable from `origin` in one or more steps (and `origin` itself when zero steps count).
    private func closure(_ path: PropertyPath, from origin: Int64, includeSelf: Bool, scope: GraphScope) throws -> [Int64] {
        var visited = Set<Int64>()
        var result: [Int64] = []
        if includeSelf {
            visited.insert(origin)
            result.append(origin)
        }
        var frontier = [origin]
        var expanded = Set<Int64>()
        while let node = frontier.popLast() {
            guard expanded.insert(node).inserted else { continue }
            for (_, next) in try evaluatePath(path, from: node, scope: scope) {
                if visited.insert(next).inserted { result.append(next) }
                frontier.append(next)
            }
            try tick()
        }
        return result
    }

    private func starts(_ start: Int64?, scope: GraphScope) throws -> [Int64] {
        if let start { return [start] }
        return try allNodes(scope)
    }

    /// Every subject and object of the active graph (the nodes a zero-length path can start at).
    private func allNodes(_ scope: GraphScope) throws -> [Int64] {
        var nodes = Set<Int64>()
        for (s, _, o) in try edges(subject: nil, predicate: nil, scope: scope) {
            nodes.insert(s)
            nodes.insert(o)
        }
        return nodes.sorted()
    }

    private func edges(subject: Int64?, predicate: PatternSlot?, scope: GraphScope) throws -> [(Int64, Int64, Int64)] {
        let s: PatternSlot = subject.map { .constant($0) } ?? .variable(0)
        let p: PatternSlot = predicate ?? .variable(1)
        var result: [(Int64, Int64, Int64)] = []
        try snapshot.match([IDPattern(s, p, .variable(2))], scope: resolved(scope), variableCount: 3) { row in
            result.append((subject ?? row[0], predicate.flatMap { if case .constant(let id) = $0 { id } else { nil } } ?? row[1], row[2]))
            return true
        }
        try checkSize(result.count)
        return result
    }

    private func edges(object: Int64?, predicate: Int64? = nil, scope: GraphScope) throws -> [(Int64, Int64, Int64)] {
        let o: PatternSlot = object.map { .constant($0) } ?? .variable(2)
        let p: PatternSlot = predicate.map { .constant($0) } ?? .variable(1)
        var result: [(Int64, Int64, Int64)] = []
        try snapshot.match([IDPattern(.variable(0), p, o)], scope: resolved(scope), variableCount: 3) { row in
            result.append((row[0], predicate ?? row[1], object ?? row[2]))
            return true
        }
        try checkSize(result.count)
        return result
    }

    private func resolved(_ scope: GraphScope) -> GraphScope {
        if case .merge = scope { return .merge(defaultGraphs) }
        return scope
    }
}
