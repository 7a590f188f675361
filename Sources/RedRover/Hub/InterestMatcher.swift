import Foundation
import RDF
import SPARQL
import Store

/// The resources interests ask for, as positions in a run's `ResourceOrder`.
///
/// Keywords find resources with every word somewhere in the text of their description (any
/// text literal of the resource: title, description, subject, creator…), through the store's
/// FTS5 index; words are whole words, not prefixes. SPARQL interests run on the query engine
/// under a time limit.
///
/// A run asks for all its interests at once. Subscribers' keywords repeat (thousands of
/// interests are combinations of a few hundred words), so every keyword interest is answered
/// in one snapshot, the one the catalogue was read from: each distinct word is looked up once,
/// an interest of several words is the intersection of its words' lists, and the store's term
/// cache and join estimates are kept, which a fresh read per interest would rebuild each time.
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

    /// For each keyword interest, the offerable resources it asks for as ascending positions in
    /// `order`, all answered in `snapshot` (the one `order`'s catalogue was loaded from).
    func keywordPositions(for interests: some Sequence<Interest>, in order: ResourceOrder,
                          snapshot: StoreSnapshot) -> [Interest: Result<[Int32], any Error>] {
        var answers: [Interest: Result<[Int32], any Error>] = [:]
        var words = KeywordLookup(snapshot: snapshot, order: order)
        for interest in interests where interest.kind == .keywords && answers[interest] == nil {
            answers[interest] = Result { try words.positions(matchingAll: TextSearch.words(in: interest.text)) }
        }
        return answers
    }

    /// For each SPARQL interest, the offerable resources it asks for as ascending positions in
    /// `order`, or why it could not be answered (past its time limit, say). Each query runs on
    /// the engine in a snapshot of its own.
    func sparqlPositions(for interests: some Sequence<Interest>, in order: ResourceOrder) -> [Interest: Result<[Int32], any Error>] {
        var answers: [Interest: Result<[Int32], any Error>] = [:]
        for interest in interests where interest.kind == .sparql && answers[interest] == nil {
            answers[interest] = Result { order.positions(of: try sparqlResources(interest.text)) }
        }
        return answers
    }

    private func sparqlResources(_ text: String) throws -> Set<String> {
        let query = try InterestQuery.parse(text)
        guard case .solutions(let table) = try QueryEngine(store: store, options: QueryOptions(timeout: timeout)).execute(query),
              let column = table.variables.firstIndex(of: Variable("resource")) else { return [] }
        return Set(table.rows.compactMap { $0[column]?.iriValue })
    }
}
