import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Delivery through a local sendmail-compatible program (sendmail, Postfix's or Exim's
/// `sendmail`, msmtp, nullmailer…): `PROGRAM ARGUMENTS… -i -f SENDER -- RECIPIENT…`, the message on
/// standard input.
///
/// `-i` keeps a line holding a single dot from ending the message early; `--` keeps a recipient
/// from being read as an option. The exit status follows sysexits.h: 0 is delivered; EX_DATAERR
/// (65), EX_NOUSER (67), EX_NOHOST (68) and EX_NOPERM (77) are permanent; everything else —
/// EX_TEMPFAIL (75) above all, but also EX_UNAVAILABLE (69), which programs such as msmtp use as
/// a catch-all for "did not work", system errors, a crash, a timeout or a missing program — is
/// temporary, so that no mail is dropped on an ambiguous answer.
///
/// The message goes to the program through an unlinked temporary file rather than a pipe: a
/// program that exits without reading cannot then block the writer or kill it with SIGPIPE.
/// The program's output is kept (the last lines go into the failure reason). It is started with
/// posix_spawn (see `ChildProgram`), not `Process`, so that it gets a clean signal mask.
public struct SendmailDelivery: BlockingMailDelivery {
    public let program: String
    /// Given before `-i -f …` (e.g. msmtp's `--host=…`, or `-C FILE`).
    public let arguments: [String]
    /// After this the program is stopped (SIGTERM, then SIGKILL) and the delivery is temporary.
    public let timeout: Duration

    public init(program: String = "/usr/sbin/sendmail", arguments: [String] = [], timeout: Duration = .seconds(120)) {
        self.program = program
        self.arguments = arguments
        self.timeout = timeout
    }

    /// sysexits.h codes that say this message can never go through.
    static let permanentStatuses: [Int32: String] = [
        65: "EX_DATAERR", 67: "EX_NOUSER", 68: "EX_NOHOST", 77: "EX_NOPERM",
    ]

    /// Runs the program on the calling thread, which it blocks until the program ends or `timeout`.
    public func deliverSynchronously(_ message: Data, envelope: MailEnvelope) -> DeliveryResult {
        guard !envelope.recipients.isEmpty else { return .permanentFailure("no recipient") }
        let name = URL(fileURLWithPath: program).lastPathComponent
        let input: FileHandle, output: FileHandle, outputPath: String
        do {
            input = try Self.unlinkedFile(holding: message)
            outputPath = NSTemporaryDirectory() + "grapevine-sendmail-" + UUID().uuidString
            guard FileManager.default.createFile(atPath: outputPath, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                return .temporaryFailure("\(name): cannot create a temporary file in \(NSTemporaryDirectory())")
            }
            output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        } catch {
            return .temporaryFailure("\(name): cannot stage the message: \(error.localizedDescription)")
        }
        defer {
            try? input.close()
            try? output.close()
            try? FileManager.default.removeItem(atPath: outputPath)
        }

        let child: ChildProgram
        do {
            child = try ChildProgram.spawn(
                program, arguments: arguments + ["-i", "-f", envelope.sender.address, "--"] + envelope.recipients.map(\.address),
                input: input.fileDescriptor, output: output.fileDescriptor)
        } catch {
            return .temporaryFailure("cannot run \(program): \(error.localizedDescription)")
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        guard let termination = child.wait(seconds: seconds) else {
            child.stop(grace: 5)
            return .temporaryFailure("\(name) did not finish within \(timeout)")
        }
        let said = Self.lastLines(of: outputPath)
        switch termination {
        case .signaled(let signal):
            return .temporaryFailure("\(name) was killed by signal \(signal)\(said)")
        case .exited(0):
            return .delivered
        case .exited(let status):
            if let label = Self.permanentStatuses[status] {
                return .permanentFailure("\(name) exited with status \(status) (\(label))\(said)")
            }
            return .temporaryFailure("\(name) exited with status \(status)\(status == 75 ? " (EX_TEMPFAIL)" : "")\(said)")
        }
    }

    /// A temporary file with `data`, open for reading and already removed from its folder.
    private static func unlinkedFile(holding data: Data) throws -> FileHandle {
        let path = NSTemporaryDirectory() + "grapevine-sendmail-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw MailError(.unreadable, source: path, reason: "cannot create the temporary file")
        }
        defer { unlink(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MailError(.unreadable, source: path, reason: "cannot reopen the temporary file")
        }
        return handle
    }

    /// `: ` and the program's last three lines of output, or nothing if it said nothing.
    private static func lastLines(of path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        let lines = text.split(whereSeparator: \.isNewline).suffix(3)
        return lines.isEmpty ? "" : ": " + lines.joined(separator: " / ")
    }
}
