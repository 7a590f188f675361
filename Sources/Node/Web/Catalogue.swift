import Foundation
import RDF
import Store

/// The store as the web page reads it: keyword search with facets, result summaries, and
/// everything about one node.
///
/// It works on term ids through the store's pattern matcher rather than through SPARQL: a search
/// intersects sets of ids (keyword hits, facet values, `gv:Resource`s) and decodes terms only for
/// the page it shows and the facet values it lists. Every call is one read transaction, so a page
/// never mixes two versions of a description; call it from `BlockingWork`.
struct Catalogue: Sendable {
    let store: QuadStore

    /// Facet values listed per facet (besides the chosen ones).
    static let facetLimit = 12
    /// Literals one keyword may match before the weakest matches are ignored.
    static let keywordHitLimit = 20_000
    /// Statements about other nodes that a resource page lists.
    static let referenceLimit = 200

    // MARK: Search

    func search(_ parameters: SearchParameters, pageSize: Int, now: Date = Date()) throws -> SearchResults {
        let started = Date()
        var results = try store.read { snapshot in
            try Search(snapshot: snapshot, vocabulary: CatalogueVocabulary(snapshot), now: now)
                .run(parameters, pageSize: pageSize)
        }
        results.elapsed = Date().timeIntervalSince(started)
        return results
    }

    /// One search inside one read transaction.
    private struct Search {
        let snapshot: StoreSnapshot
        let vocabulary: CatalogueVocabulary
        let now: Date

        func run(_ parameters: SearchParameters, pageSize: Int) throws -> SearchResults {
            var results = SearchResults(parameters: parameters, pageSize: pageSize)
            guard let type = vocabulary.type, let resourceClass = vocabulary.resourceClass else { return results }
            let isResource = IDPattern(.variable(0), .constant(type), .constant(resourceClass))

            // The candidates: keyword matches (with a score), narrowed by every chosen facet value.
            var scores: [Int64: Double]?
            var candidates: Set<Int64>?
            let words = TextSearch.words(in: parameters.query)
            if !words.isEmpty {
                let typing = parameters.query.last.map { !$0.isWhitespace } ?? false
                let found = try keywordScores(words, prefixLastWord: typing)
                scores = found
                candidates = Set(found.keys)
            }
            for facet in SearchParameters.Facet.allCases {
                for value in parameters.values(facet) {
                    let having = try subjects(having: facet, value: value)
                    candidates = candidates.map { $0.intersection(having) } ?? having
                }
            }

            // Only gv:Resources are results.
            var matching: [Int64] = []
            if let candidates {
                if !candidates.isEmpty {
                    // A few candidates go into the query; many are picked out of every resource.
                    let small = candidates.count <= ResourceSet.smallCount
                    try snapshot.match([isResource], scope: .merge(nil), variableCount: 1,
                                       restrictions: small ? [0: candidates.sorted()] : [:]) { row in
                        if small || candidates.contains(row[0]) { matching.append(row[0]) }
                        return true
                    }
                }
            } else {
                try snapshot.match([isResource], scope: .merge(nil), variableCount: 1) { row in
                    matching.append(row[0])
                    return true
                }
            }
            results.total = matching.count
            let resources = ResourceSet(matching)

            for facet in SearchParameters.Facet.allCases {
                results.facets[facet] = try facetValues(facet, among: resources, chosen: parameters.values(facet))
            }

            // Best keyword match first; without keywords, the most recent first.
            let ordered: [Int64]
            if let scores {
                ordered = matching.map { (score: scores[$0] ?? 0, id: $0) }
                    .sorted { ($0.score, -$0.id) > ($1.score, -$1.id) }.map(\.id)
            } else {
                let dates = try dateRanks(of: resources)
                ordered = matching.map { (date: dates[$0] ?? -1, id: $0) }.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map(\.id)
            }
            let start = (parameters.page - 1) * pageSize
            if start < ordered.count {
                results.resources = try ordered[start..<min(start + pageSize, ordered.count)].map { try summary(of: $0) }
            }
            return results
        }

        /// Subjects whose title, subject, description or creator contains each word, scored by
        /// how well and where: the sum over words of the best-ranked literal's weighted BM25 rank.
        private func keywordScores(_ words: [String], prefixLastWord: Bool) throws -> [Int64: Double] {
            var combined: [Int64: Double]?
            for (index, word) in words.enumerated() {
                let hits = try snapshot.searchText(word, limit: Catalogue.keywordHitLimit,
                                                   prefixLastWord: prefixLastWord && index == words.count - 1)
                guard !hits.isEmpty else { return [:] }
                var rank: [Int64: Double] = [:]
                for hit in hits { rank[hit.termID] = hit.rank }
                let literals = rank.keys.sorted()
                let small = literals.count <= ResourceSet.smallCount
                var scores: [Int64: Double] = [:]
                for (predicate, weight) in vocabulary.textPredicates {
                    try snapshot.match([IDPattern(.variable(0), .constant(predicate), .variable(1))], scope: .merge(nil),
                                       variableCount: 2, restrictions: small ? [1: literals] : [:]) { row in
                        if let literalRank = rank[row[1]] {
                            scores[row[0]] = max(scores[row[0]] ?? 0, weight * literalRank)
                        }
                        return true
                    }
                }
                if let previous = combined {
                    var next: [Int64: Double] = [:]
                    for (subject, score) in previous {
                        if let more = scores[subject] { next[subject] = score + more }
                    }
                    combined = next
                } else {
                    combined = scores
                }
                if combined?.isEmpty == true { return [:] }
            }
            return combined ?? [:]
        }

        /// Subjects with `value` for the facet's predicate.
        private func subjects(having facet: SearchParameters.Facet, value: String) throws -> Set<Int64> {
            guard let predicate = vocabulary.predicate(for: facet),
                  let valueID = try snapshot.id(of: CatalogueVocabulary.term(for: facet, value: value)) else { return [] }
            var having = Set<Int64>()
            try snapshot.match([IDPattern(.variable(0), .constant(predicate), .constant(valueID))], scope: .merge(nil),
                               variableCount: 1) { row in
                having.insert(row[0])
                return true
            }
            return having
        }

        /// The results as a set, and the cheapest way to ask the store about them: a few are
        /// passed into the query; many are filtered out of everything the store has.
        private struct ResourceSet {
            let ids: [Int64]
            let members: Set<Int64>

            init(_ ids: [Int64]) {
                self.ids = ids
                members = Set(ids)
            }

            /// Up to this many ids are listed in a query; more are filtered out of its rows.
            static let smallCount = 2000

            var isSmall: Bool { ids.count <= Self.smallCount }
        }

        /// The (resource, value) pairs of `predicate` for the resources.
        private func pairs(_ predicate: Int64, of resources: ResourceSet, _ body: (Int64, Int64) -> Void) throws {
            guard !resources.ids.isEmpty else { return }
            let small = resources.isSmall
            try snapshot.match([IDPattern(.variable(0), .constant(predicate), .variable(1))], scope: .merge(nil),
                               variableCount: 2, restrictions: small ? [0: resources.ids] : [:]) { row in
                if small || resources.members.contains(row[0]) { body(row[0], row[1]) }
                return true
            }
        }

        /// The most frequent values of a facet among the resources, and the chosen ones whatever
        /// their rank.
        private func facetValues(_ facet: SearchParameters.Facet, among resources: ResourceSet,
                                 chosen: [String]) throws -> [SearchResults.FacetValue] {
            guard let predicate = vocabulary.predicate(for: facet), !resources.ids.isEmpty else { return [] }
            var counts: [Int64: Int] = [:]
            try pairs(predicate, of: resources) { _, value in counts[value, default: 0] += 1 }
            // Rank by count, then by name among the leaders (ties at the cut are decided by name too).
            let leaders = counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(Catalogue.facetLimit * 3)
            var values = try leaders.compactMap { id, count -> SearchResults.FacetValue? in
                try facetValue(facet, id: id, count: count)
            }
            values.sort { ($1.count, $0.label.lowercased()) < ($0.count, $1.label.lowercased()) }
            var shown = Array(values.prefix(Catalogue.facetLimit))
            for value in chosen where !shown.contains(where: { $0.value == value }) {
                if let listed = values.first(where: { $0.value == value }) {
                    shown.append(listed)
                } else {
                    let id = try snapshot.id(of: CatalogueVocabulary.term(for: facet, value: value))
                    shown.append(try id.flatMap { try facetValue(facet, id: $0, count: counts[$0] ?? 0) }
                                 ?? SearchResults.FacetValue(value: value, label: value, count: 0))
                }
            }
            return shown
        }

        private func facetValue(_ facet: SearchParameters.Facet, id: Int64, count: Int) throws -> SearchResults.FacetValue? {
            switch try snapshot.term(id) {
            case .literal(let literal):
                // Facet links name plain strings; a tagged or typed value could not be found again.
                guard facet != .publisher, literal.language == nil, literal.datatype == XSD.string else { return nil }
                return SearchResults.FacetValue(value: literal.lexical, label: literal.lexical, count: count)
            case .iri(let iri):
                guard facet == .publisher else { return nil }
                return SearchResults.FacetValue(value: iri, label: try label(of: id) ?? iri, count: count)
            case .blank:
                return nil
            }
        }

        /// Each resource's `dcterms:date` (the latest, if several) as a rank: ISO dates sort as
        /// text, and the few distinct dates are ranked once so the resources sort by integers.
        private func dateRanks(of resources: ResourceSet) throws -> [Int64: Int] {
            guard let predicate = vocabulary.date else { return [:] }
            var dateOf: [Int64: [Int64]] = [:]
            try pairs(predicate, of: resources) { resource, date in dateOf[resource, default: []].append(date) }
            var lexical: [Int64: String] = [:]
            for date in Set(dateOf.values.joined()) {
                lexical[date] = try snapshot.term(date).literalValue?.lexical ?? ""
            }
            var rank: [Int64: Int] = [:]
            for (index, date) in lexical.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }).enumerated() {
                rank[date.key] = index
            }
            return dateOf.mapValues { dates in dates.map { rank[$0] ?? -1 }.max() ?? -1 }
        }

        // MARK: Summaries

        func summary(of id: Int64) throws -> ResourceSummary {
            var summary = ResourceSummary(subject: try snapshot.term(id))
            var titles: [Literal] = []
            var descriptions: [Literal] = []
            for (predicate, object) in try statements(about: id) {
                switch predicate {
                case vocabulary.title:
                    if let literal = try snapshot.term(object).literalValue { titles.append(literal) }
                case vocabulary.description:
                    if let literal = try snapshot.term(object).literalValue { descriptions.append(literal) }
                case vocabulary.creator:
                    summary.creators.append(try agent(object))
                case vocabulary.publisher:
                    summary.publishers.append(try agent(object))
                case vocabulary.subject:
                    if let text = try lexicalOrIRI(object) { summary.subjects.append(text) }
                case vocabulary.format:
                    if let text = try lexicalOrIRI(object) { summary.formats.append(text) }
                case vocabulary.date:
                    let date = try snapshot.term(object).literalValue?.lexical
                    if let date, date > summary.date ?? "" { summary.date = date }
                case vocabulary.size:
                    summary.size = try snapshot.term(object).literalValue.flatMap { UInt64($0.lexical) }
                case vocabulary.location:
                    if let location = try location(object) { summary.locations.append(location) }
                default:
                    break
                }
            }
            summary.title = Self.preferred(titles)?.lexical
            summary.description = Self.preferred(descriptions)?.lexical
            summary.subjects.sort { $0.lowercased() < $1.lowercased() }
            summary.creators.sort { $0.name < $1.name }
            // Copies that can still be fetched first, the longest-lived first.
            summary.locations.sort { ($0.isExpired ? 1 : 0, $1.validUntil ?? "", $0.url) < ($1.isExpired ? 1 : 0, $0.validUntil ?? "", $1.url) }
            return summary
        }

        /// Predicate–object pairs with `id` as subject, in any graph.
        private func statements(about id: Int64) throws -> [(predicate: Int64, object: Int64)] {
            var pairs: [(Int64, Int64)] = []
            try snapshot.match([IDPattern(.constant(id), .variable(0), .variable(1))], scope: .merge(nil), variableCount: 2) { row in
                pairs.append((row[0], row[1]))
                return true
            }
            return pairs
        }

        private func location(_ id: Int64) throws -> ResourceSummary.Location? {
            var url: String?
            var validUntil: String?
            for (predicate, object) in try statements(about: id) {
                if predicate == vocabulary.url { url = try lexicalOrIRI(object) }
                if predicate == vocabulary.validUntil { validUntil = try snapshot.term(object).literalValue?.lexical }
            }
            // A location given as an IRI, with no gv:url, is its own address.
            if url == nil, case .iri(let iri) = try snapshot.term(id) { url = iri }
            guard let url else { return nil }
            let expiry = validUntil.flatMap(DisplayFormat.dateTime)
            return ResourceSummary.Location(url: url, validUntil: validUntil, isExpired: expiry.map { $0 < now } ?? false)
        }

        private func agent(_ id: Int64) throws -> ResourceSummary.Agent {
            switch try snapshot.term(id) {
            case .iri(let iri): ResourceSummary.Agent(iri: iri, name: try label(of: id) ?? iri)
            case .literal(let literal): ResourceSummary.Agent(iri: nil, name: literal.lexical)
            case .blank: ResourceSummary.Agent(iri: nil, name: try label(of: id) ?? "(unnamed)")
            }
        }

        private func lexicalOrIRI(_ id: Int64) throws -> String? {
            switch try snapshot.term(id) {
            case .literal(let literal): literal.lexical
            case .iri(let iri): iri
            case .blank: nil
            }
        }

        /// A node's name: its rdfs:label, foaf:name or dcterms:title, in that order of preference.
        func label(of id: Int64) throws -> String? {
            var found: [Int64: [Literal]] = [:]
            for (predicate, object) in try statements(about: id) where vocabulary.labels.contains(predicate) {
                if let literal = try snapshot.term(object).literalValue { found[predicate, default: []].append(literal) }
            }
            for predicate in vocabulary.labels {
                if let literal = Self.preferred(found[predicate] ?? []) { return literal.lexical }
            }
            return nil
        }

        /// Of several literals (one per language, say), the one to show: English, then untagged,
        /// then any, each time the first in a stable order.
        static func preferred(_ literals: [Literal]) -> Literal? {
            let sorted = literals.sorted { ($0.language ?? "", $0.lexical) < ($1.language ?? "", $1.lexical) }
            return sorted.first { $0.language == "en" || $0.language?.hasPrefix("en-") == true }
                ?? sorted.first { $0.language == nil }
                ?? sorted.first
        }
    }

    // MARK: One node

    /// Everything about `iri`, or nil when the store has no statement with it as subject or object.
    func describe(_ iri: String, now: Date = Date()) throws -> ResourceDescription? {
        try store.read { snapshot in
            guard let id = try snapshot.id(of: .iri(iri)) else { return nil }
            let vocabulary = try CatalogueVocabulary(snapshot)
            let search = Search(snapshot: snapshot, vocabulary: vocabulary, now: now)
            var description = ResourceDescription(node: .iri(iri))
            var visited: Set<Int64> = [id]
            description.statements = try statements(about: id, in: snapshot, depth: 0, visited: &visited)
            try snapshot.match([IDPattern(.variable(0), .variable(1), .constant(id))], scope: .merge(nil), variableCount: 2) { row in
                guard description.references.count < Self.referenceLimit else {
                    description.moreReferences = true
                    return false
                }
                description.references.append(ResourceDescription.Reference(
                    subject: try snapshot.term(row[0]), predicate: try snapshot.term(row[1]), label: try search.label(of: row[0])))
                return true
            }
            guard !description.statements.isEmpty || !description.references.isEmpty else { return nil }
            description.references.sort { ($0.label ?? "~", $0.subject) < ($1.label ?? "~", $1.subject) }
            description.label = try search.label(of: id)
            if let type = vocabulary.type, let resourceClass = vocabulary.resourceClass {
                var isResource = false
                try snapshot.match([IDPattern(.constant(id), .constant(type), .constant(resourceClass))], scope: .merge(nil),
                                   variableCount: 0) { _ in
                    isResource = true
                    return false
                }
                if isResource { description.summary = try search.summary(of: id) }
            }
            return description
        }
    }

    /// The statements about a node with the graphs stating each, blank-node objects expanded
    /// (to a few levels, never around a cycle).
    private func statements(about id: Int64, in snapshot: StoreSnapshot, depth: Int,
                            visited: inout Set<Int64>) throws -> [ResourceDescription.Statement] {
        var graphs: [[Int64]: [Int64]] = [:]
        var order: [[Int64]] = []
        try snapshot.match([IDPattern(.constant(id), .variable(0), .variable(1))], scope: .named(.variable(2), among: nil),
                           variableCount: 2) { row in
            let key = [row[0], row[1]]
            if graphs[key] == nil { order.append(key) }
            graphs[key, default: []].append(row[2])
            return true
        }
        var found: [ResourceDescription.Statement] = []
        for key in order {
            let object = try snapshot.term(key[1])
            var statement = ResourceDescription.Statement(predicate: try snapshot.term(key[0]), object: object,
                                                          graphs: try graphs[key]!.sorted().map(snapshot.term))
            if object.isBlank, depth < 4, visited.insert(key[1]).inserted {
                statement.nested = try statements(about: key[1], in: snapshot, depth: depth + 1, visited: &visited)
            }
            found.append(statement)
        }
        // rdf:type first, then the title, then by predicate and object.
        func rank(_ predicate: Term) -> Int {
            switch predicate.iriValue {
            case RDFVocabulary.type: 0
            case DCTerms.title: 1
            default: 2
            }
        }
        return found.sorted { (rank($0.predicate), $0.predicate, $0.object) < (rank($1.predicate), $1.predicate, $1.object) }
    }
}
