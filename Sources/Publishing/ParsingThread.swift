import Crypto
import Foundation
import RDF
import RDFSyntax

/// Parses a document on a thread of its own while the caller stores what comes out.
///
/// Publishing a large document is two jobs of about equal weight: Raptor and the strict layer
/// turning bytes into quads (and SHA-256 over the bytes), and SQLite storing them. Run one after
/// the other they take the sum; on two threads, the longer of the two. The parse thread never
/// touches the store: it hands raw chunks and quad batches over a short bounded queue (so memory
/// stays flat however far the parser runs ahead), and the caller's thread, the one inside the
/// publishing transaction, does every write. Errors keep their meaning: a parse error reaches the
/// caller as the parser threw it, and when the caller fails first the parse is told to stop and
/// is waited for, so nothing outlives the transaction.
///
/// Every syntax takes this path, Turtle too (whose Raptor reader produces nearly everything at
/// the end, so it gains less): a fresh thread also gives each parse its own copy of libxml2's
/// per-thread error handler, which each Raptor world sets and restores. With Turtle and RDF/XML
/// parsed on the caller's (pooled) thread instead, the parallel tests saw, about one run in
/// three, an RDF/XML error of one document reported against another.
final class ParsingThread: @unchecked Sendable {
    /// What the parse produced, in document order.
    enum Output {
        /// Raw bytes as read, and how many bytes have been read so far.
        case chunk([UInt8], bytesRead: Int)
        case quads([Quad])
    }

    /// Queue entries: output, or the end of the parse with the body's SHA-256 (or the error).
    private enum Entry {
        case output(Output)
        case finished(Result<SHA256.Digest, any Error>)
    }

    private struct Stopped: Error {}

    private let condition = NSCondition()
    private var queue: [Entry] = []
    private let capacity: Int
    private var stopped = false
    private var exited = false

    private init(capacity: Int) { self.capacity = capacity }

    /// Parses `source` on a new thread, calling `store` on this one with everything it produces.
    /// Returns the SHA-256 of the document's bytes.
    /// - Parameter capacity: entries the parse may run ahead. Two keep both threads busy; each
    ///   more costs a batch of quads in memory (a few MB) and gains nothing measurable.
    static func parse(_ source: DocumentSource, options: ParseOptions, capacity: Int = 2,
                      store: (Output) throws -> Void) throws -> SHA256.Digest {
        let parsing = ParsingThread(capacity: capacity)
        let thread = Thread { parsing.run(source, options: options) }
        // The size of a main thread's stack: Raptor's parsers recurse on nested documents.
        thread.stackSize = 8 << 20
        thread.start()
        defer { parsing.stopAndWait() }
        while true {
            switch parsing.take() {
            case .output(let output): try store(output)
            case .finished(let result): return try result.get()
            }
        }
    }

    /// The parse itself: quads and raw chunks to `store`, SHA-256 over the bytes.
    private static func parseOnThisThread(_ source: DocumentSource, options: ParseOptions,
                                  store: (Output) throws -> Void) throws -> SHA256.Digest {
        var hasher = SHA256()
        var bytesRead = 0
        // `observe` is optional, hence escaping, but RDFParser calls it only during the parse.
        try withoutActuallyEscaping(store) { store in
            try RDFParser.parse(source, options: options, observe: { chunk in
                hasher.update(bufferPointer: chunk)
                bytesRead += chunk.count
                try store(.chunk(Array(chunk), bytesRead: bytesRead))
            }, consume: { try store(.quads($0)) })
        }
        return hasher.finalize()
    }

    private func run(_ source: DocumentSource, options: ParseOptions) {
        let result = Result<SHA256.Digest, any Error> {
            try Self.parseOnThisThread(source, options: options) { output in try self.put(.output(output)) }
        }
        releaseFreedMemory()
        condition.lock()
        queue.append(.finished(result))
        exited = true
        condition.broadcast()
        condition.unlock()
    }

    /// glibc gives each thread that allocates its own heap (arena), and memory freed there is only
    /// reused by that thread: without this, what Raptor's Turtle parser held (about twice the
    /// document) would stay in the process while the other thread builds indexes and validates.
    private func releaseFreedMemory() {
        #if canImport(Glibc)
        // `malloc_trim` is in <malloc.h>, which the Glibc module does not import.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: MallocTrim.self)(0) }
        #endif
    }

    private func put(_ entry: Entry) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !stopped { condition.wait() }
        if stopped { throw Stopped() }
        queue.append(entry)
        condition.broadcast()
    }

    private func take() -> Entry {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let entry = queue.removeFirst()
        condition.broadcast()
        return entry
    }

    /// Tells the parse to stop at its next hand-over and waits until its thread is done.
    private func stopAndWait() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        queue.removeAll()
        condition.broadcast()
        while !exited { condition.wait() }
    }
}
