import CRaptor
import Foundation

/// One Raptor world: Raptor's library context, owning its URI cache and handlers.
///
/// Each parse or serialization has a world of its own while it runs, so that nothing is shared
/// between threads (Raptor's world is not thread-safe) and handlers never outlive their Swift
/// state. Worlds are not freed but returned to a pool: `raptor_free_world` calls libxml2's
/// `xmlCleanupParser()`, which tears down libxml2's process-wide state under any RDF/XML parse
/// running on another thread (measured: the conformance suite crashed in libxml2 when parses ran
/// in parallel). A pooled world is never freed, so that never happens; the pool holds at most as
/// many worlds as there were parses at once.
final class RaptorWorld {
    let pointer: OpaquePointer

    init() {
        pointer = RaptorWorldPool.shared.take()
    }

    deinit {
        // Drop the handler that pointed at the Swift state of the parse that used the world.
        raptor_world_set_log_handler(pointer, nil, nil)
        RaptorWorldPool.shared.give(pointer)
    }

    func uri(_ string: String) -> OpaquePointer? {
        raptor_new_uri(pointer, string)
    }
}

private final class RaptorWorldPool: @unchecked Sendable {
    static let shared = RaptorWorldPool()
    private let lock = NSLock()
    private var idle: [OpaquePointer] = []

    func take() -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let world = idle.popLast() { return world }
        // Created under the lock: raptor_world_open initializes libxml2, which is not safe to do
        // from two threads at once. `raptor_new_world()` is a macro that Swift cannot import.
        guard let world = raptor_new_world_internal(UInt32(RAPTOR_VERSION)) else {
            fatalError("raptor_new_world failed: out of memory")
        }
        raptor_world_set_generate_bnodeid_handler(world, nil, generateBlankNodeID)
        raptor_world_open(world)
        return world
    }

    func give(_ world: OpaquePointer) {
        lock.lock()
        idle.append(world)
        lock.unlock()
    }
}

/// Raptor hands us the label the document wrote (or nil for `[]` and the like) and expects a
/// malloc'ed label back. Labels the parser invents start with "genid"; a written label that also
/// starts with "gen" is prefixed with "genu" so the two can never meet. Every other label is kept
/// as written, so converting N-Triples keeps its labels.
private let generatedCounter = GeneratedCounter()

private final class GeneratedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next
    }
}

private func generateBlankNodeID(_ userData: UnsafeMutableRawPointer?, _ written: UnsafeMutablePointer<UInt8>?) -> UnsafeMutablePointer<UInt8>? {
    let label: String
    if let written {
        label = blankNodeLabel(written: String(cString: written))
        free(written)
    } else {
        label = freshBlankNodeLabel()
    }
    return label.withCString { strdup($0) }.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: UInt8.self) }
}

/// The label a blank node written `_:written` gets (see above).
func blankNodeLabel(written: String) -> String {
    written.hasPrefix("gen") ? "genu" + written : written
}

/// A label no written label and no other generated label can equal.
func freshBlankNodeLabel() -> String {
    "genid\(generatedCounter.take())"
}
