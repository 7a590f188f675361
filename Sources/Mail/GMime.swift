import CGMime

/// The little shared GMime plumbing: one-time initialization and C-string conversion.
///
/// `g_mime_init` must run once before any other GMime call and is not itself thread-safe; a
/// static `let` gives exactly-once initialization under Swift's runtime lock.
enum GMime {
    private static let initialized: Bool = {
        g_mime_init()
        return true
    }()

    /// Call before touching GMime.
    static func initialize() {
        _ = initialized
    }

    /// A GMime-owned C string as a Swift string (invalid UTF-8 repaired), or nil for NULL.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) }
    }
}
