import Dispatch

/// Runs the repository's blocking SQLite and parsing work on its own dispatch queue, so an
/// exchange that stores a 16 MiB description never holds one of Swift concurrency's few
/// cooperative threads.
enum StoreWork {
    private static let queue = DispatchQueue(label: "grapevine.gossip.store", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
