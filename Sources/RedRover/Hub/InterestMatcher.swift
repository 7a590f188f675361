import Foundation
import RDF
import SPARQL
import Store

/// The resources an interest asks for.
///
/// Keywords find resources with every word somewhere in the text of their description (any
/// text literal of the resource: title, description, subject, creator…), through the store's
/// FTS5 index; words are whole words, not prefixes. SPARQL interests run on the query engine
/// under a time limit.
struct InterestMatcher {
    let store: QuadStore
    /// Seconds one interest's query may run.
    let timeout: Double

    /// Literal matches per word considered; a word found in more literals than this is too
    /// common to narrow anything and the rest are dropped.
    static let hitsPerWord = 200_000

    init(store: QuadStore, timeout: Double = 30) {
        self.store = store
        self.timeout = timeout
    }

    /// The IRIs of the resources `interest` asks for.
    func resources(for interest: Interest) throws -> Set<String> {
        switch interest.kind {
        case .keywords: try keywordResources(interest.text)
        case .sparql: try sparqlResources(interest.text)
        }
    }

    private func sparqlResources(_ text: String) throws -> Set<String> {
        let query = try InterestQuery.parse(text)
        guard case .solutions(let table) = try QueryEngine(store: store, options: QueryOptions(timeout: timeout)).execute(query),
              let column = table.variables.firstIndex(of: Variable("resource")) else { return [] }
        return Set(table.rows.compactMap { $0[column]?.iriValue })
    }

    private func keywordResources(_ text: String) throws -> Set<String> {
        try store.read { snapshot in
            var subjects: Set<Int64>?
            for word in TextSearch.words(in: text) {
                let literals = try snapshot.searchText(word, limit: Self.hitsPerWord, prefixLastWord: false).map(\.termID).sorted()
                var having = Set<Int64>()
                for start in stride(from: 0, to: literals.count, by: 2_000) {
                    let chunk = Array(literals[start..<min(start + 2_000, literals.count)])
                    try snapshot.match([IDPattern(.variable(0), .variable(1), .variable(2))], scope: .merge(nil),
                                       variableCount: 3, restrictions: [2: chunk]) { row in
                        having.insert(row[0])
                        return true
                    }
                }
                subjects = subjects.map { $0.intersection(having) } ?? having
                if subjects?.isEmpty == true { return [] }
            }
            return Set(try (subjects ?? []).compactMap { try snapshot.term($0).iriValue })
        }
    }
}
