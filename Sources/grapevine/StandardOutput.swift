import Foundation

/// Buffered writes to standard output, for exports of any size.
///
/// Glibc's `stdout` cannot be used from Swift 6, and FileHandle writes one syscall per call;
/// this gathers output into 256 KiB writes. A closed pipe (`grapevine export | head`) ends the
/// output quietly instead of killing the process with SIGPIPE.
final class StandardOutput {
    private var buffer: [UInt8] = []
    private let descriptor: Int32
    private(set) var closed = false

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 18)
        signal(SIGPIPE, SIG_IGN)
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 18 { flush() }
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 18 { flush() }
    }

    func flush() {
        guard !closed else { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    if errno == EINTR { continue }
                    closed = true
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
