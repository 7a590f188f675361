#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A safety net under the parser's depth counter: tells when the current thread's stack is
/// nearly used up, so that deep input on a thread with a small stack (512 KB secondary threads on
/// macOS, 128 KB with musl) is refused with a syntax error instead of crashing. The stack grows
/// down; the guard line is `margin` bytes above its lowest address.
struct StackGuard {
    /// Below this address the parser stops descending; 0 when the stack's bounds are unknown.
    private let limit: UInt

    init(margin: UInt = 128 * 1024) {
        guard let low = Self.cachedLowestStackAddress() else {
            limit = 0
            return
        }
        limit = low + margin
    }

    /// The lowest stack address of this thread, looked up once per thread (for the main thread
    /// glibc reads /proc/self/maps, which costs far more than a parse).
    private static func cachedLowestStackAddress() -> UInt? {
        let key = stackBoundKey
        if let cached = pthread_getspecific(key) {
            let value = UInt(bitPattern: cached)
            return value == 1 ? nil : value
        }
        let low = lowestStackAddress()
        // 1 records "unknown" (no stack starts at address 1).
        _ = pthread_setspecific(key, UnsafeRawPointer(bitPattern: low ?? 1))
        return low
    }

    /// Whether the stack pointer is below the guard line.
    var isExhausted: Bool {
        guard limit != 0 else { return false }
        var marker: UInt8 = 0
        let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return address < limit
    }

    private static func lowestStackAddress() -> UInt? {
        #if canImport(Darwin)
        let thread = pthread_self()
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        let size = UInt(pthread_get_stacksize_np(thread))
        return top > size ? top - size : nil
        #elseif canImport(Glibc) || canImport(Musl)
        // pthread_getattr_np is a GNU extension the Glibc module does not export: look it up.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(nil, "pthread_getattr_np") else { return nil }
        let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
        let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
        defer { attributes.deallocate() }
        guard getAttributes(pthread_self(), attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(attributes, &address, &size) == 0, let address else { return nil }
        return UInt(bitPattern: address)
        #else
        return nil
        #endif
    }
}

/// The thread-specific slot where `StackGuard` keeps each thread's lowest stack address.
private let stackBoundKey: pthread_key_t = {
    var key = pthread_key_t()
    _ = pthread_key_create(&key, nil)
    return key
}()
