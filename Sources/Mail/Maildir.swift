import Foundation

/// A Maildir's messages: every file in `new/` and then `cur/`, one message per file.
///
/// `tmp/` is skipped (files there are still being written), as are dot files. Within each folder
/// the files are taken in name order, which for Maildir's `time.unique.host` names is roughly the
/// order of delivery. Reading marks nothing as seen: the Maildir is left exactly as it was.
public struct Maildir: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The message files, full paths. Throws `.unreadable` unless `path` holds `new/` or `cur/`.
    public func messageFiles() throws -> [String] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let folders = ["new", "cur"].map { path + "/" + $0 }
            .filter { manager.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue }
        guard !folders.isEmpty else {
            throw MailError(.unreadable, source: path, reason: "not a Maildir (no new/ or cur/ folder)")
        }
        return try folders.flatMap { folder in
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: folder)
            } catch {
                throw MailError(.unreadable, source: folder, reason: "cannot list: \(error.localizedDescription)")
            }
            return names.filter { !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
        }
    }

    /// Each message's bytes, named by its file. Throws `.tooLarge` for a file over `sizeLimit`.
    public func messages(sizeLimit: Int = RawMail.defaultSizeLimit) throws -> [RawMail] {
        try messageFiles().map { file in
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw MailError(.unreadable, source: file, reason: "cannot open the message file")
            }
            defer { try? handle.close() }
            return try RawMail.read(handle, source: file, sizeLimit: sizeLimit)
        }
    }
}
