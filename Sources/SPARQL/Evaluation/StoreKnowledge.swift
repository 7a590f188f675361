import RDF
import Store

/// What queries have learnt about one state of the store: decoded terms, term ids, numeric values
/// and pattern counts. Each is a pure function of the store's contents, so it stays true until the
/// store changes (`StoreChangeToken`), and a query run again finds its terms, plan estimates and
/// numbers without going back to SQLite.
///
/// Owned by one query at a time (see `QueryCache`), so it needs no locking of its own.
final class StoreKnowledge {
    /// Entries kept per table before it is emptied and refilled: bounds memory on large stores.
    static let limit = 1 << 19

    let token: StoreChangeToken
    private(set) var terms = IDTable<Term>()
    /// Store ids by term; 0 records that the store lacks the term.
    private(set) var ids: [Term: Int64] = [:]
    /// Numeric values by term id; nil records a term that is not a (well-typed) number.
    private(set) var numbers = IDTable<NumericValue?>()
    /// The numbers that are xsd:integer values within `Int`, again: the common case of a range
    /// filter, compared without unpacking a `NumericValue`.
    private(set) var integers = IDTable<Int>()
    /// ORDER BY keys by term id: a sort compares these, and a query run again over the same
    /// store finds its dates and numbers already decoded.
    private(set) var orderKeys = IDTable<OrderKey>()
    var estimates: [String: Int] = [:]

    init(token: StoreChangeToken) {
        self.token = token
    }

    func remember(_ term: Term, for id: Int64) {
        if terms.count >= Self.limit { terms.removeAll() }
        terms.insert(term, for: id)
    }

    func remember(id: Int64?, for term: Term) {
        if ids.count >= Self.limit { ids.removeAll(keepingCapacity: true) }
        ids[term] = id ?? 0
    }

    func remember(number: NumericValue?, for id: Int64) {
        if numbers.count >= Self.limit {
            numbers.removeAll()
            integers.removeAll()
        }
        numbers.insert(number, for: id)
        if case .integer(let value)? = number { integers.insert(value, for: id) }
    }

    func remember(orderKey: OrderKey, for id: Int64) {
        if orderKeys.count >= Self.limit { orderKeys.removeAll() }
        orderKeys.insert(orderKey, for: id)
    }
}
