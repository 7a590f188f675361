import Foundation

/// The messages of an mbox file, read as mboxrd.
///
/// Each message starts at a `From ` line at the start of the file or after an empty line; the
/// empty line before the next separator belongs to the file format, not the message. Body lines
/// that were quoted on writing (`>From `, `>>From `…) lose one `>`. Requiring the empty line keeps
/// an unquoted `From ` inside a body (as older mboxo writers leave) from splitting a message.
/// Messages are named "message N in FILE", counting from 1.
public struct Mbox: Sendable {
    public let path: String

    /// A whole mbox file is read into memory; larger files are refused.
    public static let defaultFileSizeLimit = 1 << 30

    public init(path: String) {
        self.path = path
    }

    /// Throws `.unreadable` if the file cannot be read, `.malformed` if it does not start with a
    /// `From ` line, `.tooLarge` for a file or a message over its limit.
    public func messages(sizeLimit: Int = RawMail.defaultSizeLimit,
                         fileSizeLimit: Int = Mbox.defaultFileSizeLimit) throws -> [RawMail] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MailError(.unreadable, source: path, reason: "cannot open the mbox file")
        }
        defer { try? handle.close() }
        let data = try RawMail.read(handle, source: path, sizeLimit: fileSizeLimit).data
        return try Self.split(data, path: path, sizeLimit: sizeLimit)
    }

    static func split(_ data: Data, path: String, sizeLimit: Int) throws -> [RawMail] {
        let bytes = [UInt8](data)
        if bytes.isEmpty { return [] }
        let separator = Array("From ".utf8)
        guard bytes.starts(with: separator) else {
            throw MailError(.malformed, source: path, reason: "not an mbox file (it does not start with a \"From \" line)")
        }
        var messages: [RawMail] = []
        var current: [ArraySlice<UInt8>] = []
        var inMessage = false
        var previousEmpty = true

        func finish() throws {
            guard inMessage else { return }
            if let last = current.last, isEmpty(last) { current.removeLast() }
            let source = "message \(messages.count + 1) in \(path)"
            let size = current.reduce(0) { $0 + $1.count }
            guard size <= sizeLimit else {
                throw MailError(.tooLarge, source: source, reason: "\(size) bytes, over the limit of \(sizeLimit)")
            }
            messages.append(RawMail(source: source, data: Data(current.joined())))
            current = []
        }

        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
            let line = bytes[start..<end]
            start = end
            if previousEmpty && line.starts(with: separator) {
                try finish()
                inMessage = true
                previousEmpty = false
                continue
            }
            previousEmpty = isEmpty(line)
            current.append(isQuotedFrom(line) ? line.dropFirst() : line)
        }
        try finish()
        return messages
    }

    /// A line holding nothing but its line end.
    private static func isEmpty(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }

    /// `>From `, `>>From `…: one or more `>` and then `From `.
    private static func isQuotedFrom(_ line: ArraySlice<UInt8>) -> Bool {
        let rest = line.drop { $0 == UInt8(ascii: ">") }
        return rest.count < line.count && rest.starts(with: "From ".utf8)
    }
}
