import RDF

/// Decides whether two RDF datasets are the same up to the renaming of blank nodes
/// (RDF 1.1 Concepts §3.6 graph isomorphism, extended to datasets as §4 does: a blank node may
/// also name a graph, and the bijection covers graph names too).
///
/// Used by the conformance suite, by round-trip tests, and by `convert`/export checks that the
/// bytes written read back as what was read.
///
/// The check has three steps:
/// 1. quads without blank nodes must be the same set on both sides;
/// 2. blank nodes are coloured by hash refinement: a node's colour is repeatedly recomputed from
///    the colours of the quads it occurs in (its position there, the ground terms and the colours
///    of the other blank nodes), in lockstep on both sides, until the partition stops splitting;
///    the multisets of colours must agree after every round;
/// 3. where colours stay ambiguous (symmetric structures), one node is paired with each candidate
///    of the same colour in turn, both are given a fresh colour, refinement runs again, and the
///    search backtracks on a dead end.
/// Any bijection found is verified against the quads, so a hash collision can cost time but
/// never make two different datasets look the same. The search is bounded (200 000 refinement
/// rounds); a dataset so symmetric that it runs out is reported as not isomorphic.
public enum DatasetIsomorphism {
    /// Whether `a` and `b` are isomorphic datasets. Duplicate quads count once (datasets are sets).
    public static func areIsomorphic(_ a: some Sequence<Quad>, _ b: some Sequence<Quad>) -> Bool {
        bijection(from: a, to: b) != nil
    }

    /// A blank-node bijection (label in `a` → label in `b`) that maps `a` onto `b`, or nil if the
    /// datasets are not isomorphic.
    public static func bijection(from a: some Sequence<Quad>, to b: some Sequence<Quad>) -> [String: String]? {
        let left = Side(Set(a))
        let right = Side(Set(b))
        guard left.quads.count == right.quads.count,
              left.blanks.count == right.blanks.count,
              left.ground == right.ground,
              left.blankQuads.count == right.blankQuads.count
        else { return nil }
        if left.blanks.isEmpty { return [:] }
        var search = Search(left: left, right: right)
        guard let mapping = search.run() else { return nil }
        var result: [String: String] = [:]
        for (index, target) in mapping.enumerated() { result[left.blanks[index]] = right.blanks[target] }
        return result
    }

    /// A short, human-readable account of how `actual` differs from `expected`, for test failures.
    /// Ground quads are listed exactly; quads with blank nodes are compared by shape (labels hidden).
    public static func differences(expected: some Sequence<Quad>, actual: some Sequence<Quad>, limit: Int = 10) -> [String] {
        let expectedSet = Set(expected)
        let actualSet = Set(actual)
        func shape(_ quad: Quad) -> String {
            func spell(_ term: Term) -> String { term.isBlank ? "_:*" : NTriples.format(term) }
            return [quad.subject, quad.predicate, quad.object].map(spell).joined(separator: " ")
                + (quad.graph.map { " " + spell($0) } ?? "") + " ."
        }
        var lines: [String] = []
        let missing = Dictionary(grouping: expectedSet, by: shape).mapValues(\.count)
        let extra = Dictionary(grouping: actualSet, by: shape).mapValues(\.count)
        for (key, count) in missing.sorted(by: { $0.key < $1.key }) where (extra[key] ?? 0) < count {
            lines.append("missing: \(key)")
        }
        for (key, count) in extra.sorted(by: { $0.key < $1.key }) where (missing[key] ?? 0) < count {
            lines.append("unexpected: \(key)")
        }
        if lines.isEmpty && !areIsomorphic(expectedSet, actualSet) {
            lines.append("same quad shapes, but the blank nodes are connected differently")
        }
        return Array(lines.prefix(limit)) + (lines.count > limit ? ["… \(lines.count - limit) more"] : [])
    }
}

/// One dataset, indexed for the search: blank nodes numbered, quads with blank nodes kept apart.
private struct Side {
    let quads: Set<Quad>
    let ground: Set<Quad>
    let blankQuads: [Quad]
    /// Blank labels by index.
    let blanks: [String]
    let index: [String: Int]
    /// For each blank node, the indexes of the quads (in `blankQuads`) it occurs in.
    let occurrences: [[Int]]

    init(_ quads: Set<Quad>) {
        self.quads = quads
        var ground = Set<Quad>()
        var blankQuads: [Quad] = []
        var blanks: [String] = []
        var index: [String: Int] = [:]
        var occurrences: [[Int]] = []
        for quad in quads {
            let terms = [quad.subject, quad.predicate, quad.object] + (quad.graph.map { [$0] } ?? [])
            let labels = terms.compactMap { term -> String? in if case .blank(let label) = term { label } else { nil } }
            if labels.isEmpty {
                ground.insert(quad)
                continue
            }
            let position = blankQuads.count
            blankQuads.append(quad)
            for label in Set(labels) {
                let number: Int
                if let known = index[label] {
                    number = known
                } else {
                    number = blanks.count
                    index[label] = number
                    blanks.append(label)
                    occurrences.append([])
                }
                occurrences[number].append(position)
            }
        }
        self.ground = ground
        self.blankQuads = blankQuads
        self.blanks = blanks
        self.index = index
        self.occurrences = occurrences
    }

    /// The blank node's colour-independent signature of one quad from the point of view of `node`.
    func signature(of quadIndex: Int, for node: Int, colors: [Int]) -> Int {
        let quad = blankQuads[quadIndex]
        var hasher = Hasher()
        func mix(_ term: Term?, _ position: Int) {
            hasher.combine(position)
            switch term {
            case nil:
                hasher.combine(0)
            case .blank(let label)?:
                let other = index[label]!
                if other == node { hasher.combine(1) } else { hasher.combine(2); hasher.combine(colors[other]) }
            case let term?:
                hasher.combine(3)
                hasher.combine(term)
            }
        }
        mix(quad.subject, 0)
        mix(quad.predicate, 1)
        mix(quad.object, 2)
        mix(quad.graph, 3)
        return hasher.finalize()
    }

    /// One round of refinement: each node's new colour hashes its old colour with the multiset
    /// of its quads' signatures.
    func refine(_ colors: [Int]) -> [Int] {
        var next = colors
        for node in 0..<blanks.count {
            var signatures = occurrences[node].map { signature(of: $0, for: node, colors: colors) }
            signatures.sort()
            var hasher = Hasher()
            hasher.combine(colors[node])
            hasher.combine(signatures)
            next[node] = hasher.finalize()
        }
        return next
    }

    func maps(onto other: Side, with mapping: [Int]) -> Bool {
        func map(_ term: Term) -> Term {
            if case .blank(let label) = term { return .blank(other.blanks[mapping[index[label]!]]) }
            return term
        }
        for quad in blankQuads {
            let image = Quad(map(quad.subject), map(quad.predicate), map(quad.object), graph: quad.graph.map(map))
            if !other.quads.contains(image) { return false }
        }
        return true
    }
}

private struct Search {
    let left: Side
    let right: Side
    /// Guards against pathological inputs: the search gives up (answers "not isomorphic") after
    /// this many refinement rounds rather than running for ever.
    var budget = 200_000

    init(left: Side, right: Side) {
        self.left = left
        self.right = right
    }

    mutating func run() -> [Int]? {
        let start = (Array(repeating: 0, count: left.blanks.count), Array(repeating: 0, count: right.blanks.count))
        return solve(start.0, start.1)
    }

    /// Refines both colourings in lockstep until the number of colours stops growing;
    /// nil when the two sides disagree on the colour multiset.
    mutating func stabilize(_ a: [Int], _ b: [Int]) -> ([Int], [Int])? {
        var a = a
        var b = b
        var classes = Set(a).count
        while true {
            budget -= 1
            if budget < 0 { return nil }
            let nextA = left.refine(a)
            let nextB = right.refine(b)
            guard nextA.sorted() == nextB.sorted() else { return nil }
            let nextClasses = Set(nextA).count
            a = nextA
            b = nextB
            if nextClasses == classes { return (a, b) }
            classes = nextClasses
        }
    }

    mutating func solve(_ a: [Int], _ b: [Int]) -> [Int]? {
        guard let (a, b) = stabilize(a, b) else { return nil }
        var membersA: [Int: [Int]] = [:]
        var membersB: [Int: [Int]] = [:]
        for (node, color) in a.enumerated() { membersA[color, default: []].append(node) }
        for (node, color) in b.enumerated() { membersB[color, default: []].append(node) }
        // The smallest ambiguous class keeps the branching low.
        let ambiguous = membersA.filter { $0.value.count > 1 }.min { ($0.value.count, $0.key) < ($1.value.count, $1.key) }
        guard let (color, nodes) = ambiguous else {
            var mapping = Array(repeating: 0, count: a.count)
            for (node, color) in a.enumerated() { mapping[node] = membersB[color]![0] }
            return left.maps(onto: right, with: mapping) ? mapping : nil
        }
        let chosen = nodes[0]
        var hasher = Hasher()
        hasher.combine(color)
        hasher.combine("chosen")
        let fresh = hasher.finalize()
        for candidate in membersB[color] ?? [] {
            var nextA = a
            var nextB = b
            nextA[chosen] = fresh
            nextB[candidate] = fresh
            if let mapping = solve(nextA, nextB) { return mapping }
            if budget < 0 { return nil }
        }
        return nil
    }
}
