/// Where a result writer's output goes: a text sink or a byte sink, behind a buffer.
///
/// Writers produce many small pieces; the buffer hands them on in chunks of about `bufferSize`
/// bytes, and always on `flush()` (which every writer's `finish()` calls). A text sink only ever
/// receives whole characters, even when bytes from Raptor arrive cut inside a UTF-8 sequence.
///
///     var text = ""
///     let output = ResultOutput { text += $0 }
///     let output = ResultOutput(bytes: { FileHandle.standardOutput.write(Data($0)) })
public final class ResultOutput {
    private enum Sink {
        case text((String) -> Void)
        case bytes((UnsafeRawBufferPointer) -> Void)
    }

    private let sink: Sink
    private var buffer: [UInt8] = []
    public let bufferSize: Int

    /// Output to a text sink.
    public init(bufferSize: Int = 1 << 16, _ text: @escaping (String) -> Void) {
        self.sink = .text(text)
        self.bufferSize = max(1, bufferSize)
        buffer.reserveCapacity(self.bufferSize)
    }

    /// Output to a byte sink (a file, a socket); the bytes are UTF-8.
    public init(bufferSize: Int = 1 << 16, bytes: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = .bytes(bytes)
        self.bufferSize = max(1, bufferSize)
        buffer.reserveCapacity(self.bufferSize)
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= bufferSize { flush(partial: true) }
    }

    public func write(bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferSize { flush(partial: true) }
    }

    /// Hands everything buffered to the sink.
    public func flush() { flush(partial: false) }

    /// With `partial`, a text sink keeps back an incomplete UTF-8 sequence at the end of the
    /// buffer until the rest of it arrives.
    private func flush(partial: Bool) {
        guard !buffer.isEmpty else { return }
        switch sink {
        case .bytes(let write):
            buffer.withUnsafeBytes { write($0) }
            buffer.removeAll(keepingCapacity: true)
        case .text(let write):
            let end = partial ? Self.completeUTF8Prefix(buffer) : buffer.count
            guard end > 0 else { return }
            write(String(decoding: buffer[..<end], as: UTF8.self))
            buffer.removeFirst(end)
        }
    }

    /// The length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence.
    private static func completeUTF8Prefix(_ bytes: [UInt8]) -> Int {
        var index = bytes.count - 1
        var continuation = 0
        while index >= 0, continuation < 3, bytes[index] & 0xC0 == 0x80 {
            index -= 1
            continuation += 1
        }
        guard index >= 0 else { return bytes.count }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return continuation + 1 < length ? index : bytes.count
    }
}
