import RDF
import Store

/// Keyword interests answered in one snapshot: each word's resources are looked up once (the
/// literals containing it through FTS5, then the subjects of those literals) and kept as the
/// ascending positions of offerable resources, so an interest is an intersection of lists.
struct KeywordLookup {
    let snapshot: StoreSnapshot
    let order: ResourceOrder
    private var cache: [String: [Int32]] = [:]
    /// Term id → position, -1 for a subject that is not an offerable resource.
    private var subjectPositions: [Int64: Int32] = [:]

    init(snapshot: StoreSnapshot, order: ResourceOrder) {
        self.snapshot = snapshot
        self.order = order
    }

    /// Positions of the resources described with every one of `words`, ascending.
    mutating func positions(matchingAll words: [String]) throws -> [Int32] {
        var result: [Int32]?
        for word in words {
            let having = try positions(of: word)
            result = result.map { Self.intersection($0, having) } ?? having
            if result?.isEmpty == true { return [] }
        }
        return result ?? []
    }

    private mutating func positions(of word: String) throws -> [Int32] {
        if let cached = cache[word] { return cached }
        // Unranked while the word is rare enough to take every literal; the best-ranked ones
        // when it is not.
        var literals = try snapshot.textMatches(word, limit: InterestMatcher.hitsPerWord + 1, prefixLastWord: false)
        if literals.count > InterestMatcher.hitsPerWord {
            literals = try snapshot.searchText(word, limit: InterestMatcher.hitsPerWord, prefixLastWord: false).map(\.termID)
        }
        literals.sort()
        var subjects = Set<Int64>()
        for start in stride(from: 0, to: literals.count, by: 2_000) {
            let chunk = Array(literals[start..<min(start + 2_000, literals.count)])
            try snapshot.match([IDPattern(.variable(0), .variable(1), .variable(2))], scope: .merge(nil),
                               variableCount: 3, restrictions: [2: chunk]) { row in
                subjects.insert(row[0])
                return true
            }
        }
        var found: [Int32] = []
        for subject in subjects {
            if let position = try position(of: subject) { found.append(position) }
        }
        found.sort()
        cache[word] = found
        return found
    }

    /// The position of the resource with term id `subject`, nil when it is not offerable: by id
    /// when the order knows them, else decoded, once per subject (a resource has many words).
    private mutating func position(of subject: Int64) throws -> Int32? {
        if order.knowsTermIDs { return order.position(ofTerm: subject) }
        if let known = subjectPositions[subject] { return known >= 0 ? known : nil }
        var position: Int32 = -1
        if case .iri(let iri) = try snapshot.term(subject), let offered = order.position(of: iri) { position = offered }
        subjectPositions[subject] = position
        return position >= 0 ? position : nil
    }

    /// The common elements of two ascending lists, ascending.
    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                result.append(a[i])
                i += 1
                j += 1
            }
        }
        return result
    }
}
