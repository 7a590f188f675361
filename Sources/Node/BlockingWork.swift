import Dispatch

/// Runs synchronous work (SQLite, Raptor, query evaluation) on a dispatch queue, so a long query
/// never holds one of Swift concurrency's few cooperative threads.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "grapevine.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
