/// A hash table from store term ids (positive) to values, with open addressing and a
/// multiplicative hash: the per-row caches of a filter over 100,000 solutions look ids up more
/// often than anything else, and `Dictionary`'s seeded SipHash cost more than the work it saved.
/// Keys and values sit side by side, so a lookup touches one cache line.
struct IDTable<Value> {
    private struct Entry {
        var key: Int64
        var value: Value?
    }

    private var entries: ContiguousArray<Entry>
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = ContiguousArray(repeating: Entry(key: 0, value: nil), count: size)
        mask = size - 1
    }

    private func start(_ id: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    subscript(id: Int64) -> Value? {
        entries.withUnsafeBufferPointer { entries in
            var position = start(id)
            while true {
                let key = entries[position].key
                if key == id { return entries[position].value }
                if key == 0 { return nil }
                position = (position + 1) & mask
            }
        }
    }

    /// Stores `value` for `id` (which must be positive).
    mutating func insert(_ value: Value, for id: Int64) {
        if (count + 1) * 2 > entries.count { grow() }
        var position = start(id)
        while true {
            let key = entries[position].key
            if key == id {
                entries[position].value = value
                return
            }
            if key == 0 {
                entries[position] = Entry(key: id, value: value)
                count += 1
                return
            }
            position = (position + 1) & mask
        }
    }

    mutating func removeAll() {
        self = IDTable()
    }

    private mutating func grow() {
        let old = entries
        entries = ContiguousArray(repeating: Entry(key: 0, value: nil), count: old.count * 2)
        mask = entries.count - 1
        count = 0
        for entry in old where entry.key != 0 {
            insert(entry.value!, for: entry.key)
        }
    }
}
