import Dispatch

/// Independent CPU work on every core: a digest run signs and writes each mail of a batch on
/// its own, and that is most of what a mail costs.
enum ParallelMap {
    /// `transform` of each item, in the items' order; a throw is kept as that item's failure.
    static func map<Item: Sendable, Output: Sendable>(_ items: [Item],
                                                      _ transform: @Sendable (Item) throws -> Output) -> [Result<Output, any Error>] {
        let slots = Slots<Result<Output, any Error>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, Result { try transform(items[index]) })
        }
        return slots.values()
    }
}

/// Memory that many threads write at once, each index by exactly one of them, read after all
/// are done (`concurrentPerform` returns only then): hence the unchecked Sendable.
private final class Slots<Value>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        precondition(index >= 0 && index < count)
        (base + index).pointee = value
    }

    func values() -> [Value] {
        (0..<count).map { base[$0]! }
    }
}
