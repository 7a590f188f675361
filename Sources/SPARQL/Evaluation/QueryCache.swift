import Foundation
import Store

/// Keeps one `StoreKnowledge` between the queries of an engine (a node answers many queries over
/// a store that rarely changes). A query checks it out for its whole run and checks it back in;
/// a query that finds it checked out, or learnt about another state of the store, starts afresh.
/// Checking out whole (rather than locking per lookup) keeps the hot paths free of locks.
public final class QueryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: StoreKnowledge?

    public init() {}

    func checkOut(_ token: StoreChangeToken) -> StoreKnowledge {
        lock.lock()
        defer { lock.unlock() }
        if let idle, idle.token == token {
            self.idle = nil
            return idle
        }
        return StoreKnowledge(token: token)
    }

    func checkIn(_ knowledge: StoreKnowledge) {
        lock.lock()
        defer { lock.unlock() }
        idle = knowledge
    }
}
