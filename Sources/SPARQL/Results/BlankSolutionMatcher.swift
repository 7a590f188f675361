import RDF
import RDFSyntax

/// Decides whether two multisets of solutions that hold blank nodes are the same under one
/// bijection of blank node labels (the hard part of `ResultComparison`).
///
/// Blank nodes that occur in the same solution are connected; each connected component (its
/// blank nodes and the solutions that hold them) maps onto a component of the other side on its
/// own, so the problem splits:
/// 1. Components of at most `smallComponent` blank nodes get an exact canonical form, the least
///    relabelling (over every permutation of their labels) of their sorted solutions; these are
///    compared as a multiset. This covers the usual results, where most blank nodes sit alone.
/// 2. Larger components are grouped by an invariant (sizes and solution shapes) and paired
///    greedily within a group, each pair checked by `DatasetIsomorphism` (colour refinement,
///    then backtracking) on an encoding of the solutions as a graph. Isomorphism is an
///    equivalence, so a greedy pairing finds a perfect one whenever one exists.
enum BlankSolutionMatcher {
    static let smallComponent = 4

    static func match(_ a: [[Term?]], _ b: [[Term?]]) -> Bool {
        guard a.count == b.count else { return false }
        let left = components(a)
        let right = components(b)
        guard left.count == right.count else { return false }
        var small: [[[Term?]]: Int] = [:]
        var largeLeft: [Invariant: [[[Term?]]]] = [:]
        var largeRight: [Invariant: [[[Term?]]]] = [:]
        for component in left {
            if let form = canonicalForm(component) { small[form, default: 0] += 1 } else {
                largeLeft[Invariant(component), default: []].append(component)
            }
        }
        for component in right {
            if let form = canonicalForm(component) {
                guard let count = small[form], count > 0 else { return false }
                small[form] = count - 1
            } else {
                largeRight[Invariant(component), default: []].append(component)
            }
        }
        guard small.values.allSatisfy({ $0 == 0 }), largeLeft.keys.count == largeRight.keys.count else { return false }
        for (invariant, group) in largeLeft {
            guard var candidates = largeRight[invariant], candidates.count == group.count else { return false }
            for component in group {
                let encoded = encode(component)
                guard let partner = candidates.firstIndex(where: { DatasetIsomorphism.areIsomorphic(encoded, encode($0)) }) else {
                    return false
                }
                candidates.remove(at: partner)
            }
        }
        return true
    }

    /// The solutions grouped by connected blank nodes (union-find over labels).
    static func components(_ rows: [[Term?]]) -> [[[Term?]]] {
        var parent: [String: String] = [:]
        func find(_ label: String) -> String {
            var root = label
            while let next = parent[root], next != root { root = next }
            var node = label
            while let next = parent[node], next != root {
                parent[node] = root
                node = next
            }
            return root
        }
        for row in rows {
            let labels = blanks(in: row)
            for label in labels where parent[label] == nil { parent[label] = label }
            for label in labels.dropFirst() {
                let (x, y) = (find(labels[0]), find(label))
                if x != y { parent[y] = x }
            }
        }
        var groups: [String: [[Term?]]] = [:]
        var order: [String] = []
        for row in rows {
            let root = find(blanks(in: row)[0])
            if groups[root] == nil { order.append(root) }
            groups[root, default: []].append(row)
        }
        return order.map { groups[$0]! }
    }

    static func blanks(in row: [Term?]) -> [String] {
        var labels: [String] = []
        for case .blank(let label)? in row where !labels.contains(label) { labels.append(label) }
        return labels
    }

    /// The least relabelling of a small component's sorted solutions, or nil when it is too big.
    static func canonicalForm(_ rows: [[Term?]]) -> [[Term?]]? {
        var labels: [String] = []
        for row in rows {
            for label in blanks(in: row) where !labels.contains(label) { labels.append(label) }
        }
        guard labels.count <= smallComponent else { return nil }
        var best: [[Term?]]?
        for permutation in permutations(labels.count) {
            var names: [String: Term] = [:]
            for (index, label) in labels.enumerated() { names[label] = .blank("c\(permutation[index])") }
            let relabelled = rows.map { row in row.map { term -> Term? in
                if case .blank(let label)? = term { return names[label] }
                return term
            } }.sorted(by: precedes)
            if best == nil || precedes(relabelled, best!) { best = relabelled }
        }
        return best
    }

    /// Every permutation of 0..<n (n is small).
    private static func permutations(_ n: Int) -> [[Int]] {
        guard n > 0 else { return [[]] }
        return permutations(n - 1).flatMap { smaller in
            (0...smaller.count).map { position in
                var next = smaller
                next.insert(n - 1, at: position)
                return next
            }
        }
    }

    /// Lexicographic order on solutions (unbound first) and on lists of them.
    private static func precedes(_ a: [Term?], _ b: [Term?]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            guard let x else { return true }
            guard let y else { return false }
            return x < y
        }
        return a.count < b.count
    }

    private static func precedes(_ a: [[Term?]], _ b: [[Term?]]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return precedes(x, y) }
        return a.count < b.count
    }

    /// What any isomorphic component shares: its size and its multiset of solution shapes.
    struct Invariant: Hashable {
        let blankCount: Int
        let shapes: [[Term?]: Int]

        init(_ rows: [[Term?]]) {
            var labels = Set<String>()
            var shapes: [[Term?]: Int] = [:]
            for row in rows {
                labels.formUnion(BlankSolutionMatcher.blanks(in: row))
                shapes[row.map { $0?.isBlank == true ? .blank("*") : $0 }, default: 0] += 1
            }
            blankCount = labels.count
            self.shapes = shapes
        }
    }

    /// Solutions as a graph: solution `i` is the blank node `r<i>` with one triple per bound
    /// column (`urn:x-grapevine:column:<n>`) to its value; the solutions' own blank nodes are
    /// renamed `v<label>`. Solution nodes are only ever subjects and values only objects, so an
    /// isomorphism pairs solutions with solutions and values with values: the graphs are
    /// isomorphic exactly when one multiset of solutions maps onto the other.
    static func encode(_ rows: [[Term?]]) -> [Quad] {
        var quads: [Quad] = []
        for (number, row) in rows.enumerated() {
            let node = Term.blank("r\(number)")
            for (column, term) in row.enumerated() {
                guard let term else { continue }
                let value: Term = if case .blank(let label) = term { .blank("v" + label) } else { term }
                quads.append(Quad(node, .iri("urn:x-grapevine:column:\(column)"), value))
            }
        }
        return quads
    }
}
