import CCurl
import Foundation

/// What one libcurl SMTP session needs from Swift: the message to upload, and a record of the
/// dialogue (the last command sent, the last reply read) to explain and classify a failure.
///
/// libcurl calls back through C function pointers, so the callbacks are static and find this
/// object through the user-data pointer; they never throw or keep the bytes they are shown.
final class SMTPSession {
    private let message: [UInt8]
    private var offset = 0
    /// The last SMTP command sent, e.g. `RCPT TO:<ann@example.org>` (AUTH without its argument).
    private(set) var command: String?
    /// The last complete reply line read, e.g. `550 5.1.1 No such user here`.
    private(set) var reply: String?
    /// True once the message body has started going out after DATA.
    private var sendingBody = false
    /// Set at QUIT: its `221` must not hide the reply that ended the session.
    private var closing = false

    init(message: Data) {
        self.message = [UInt8](message)
    }

    /// CURLOPT_READFUNCTION: the next piece of the message.
    static let read: curl_read_callback = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let session = Unmanaged<SMTPSession>.fromOpaque(context).takeUnretainedValue()
        let length = min(size * count, session.message.count - session.offset)
        guard length > 0 else { return 0 }
        session.message.withUnsafeBufferPointer { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + session.offset, byteCount: length)
        }
        session.offset += length
        return length
    }

    /// CURLOPT_DEBUGFUNCTION: watches commands and replies (decrypted when under TLS).
    static let observe: curl_debug_callback = { _, type, data, size, context in
        guard let data, let context else { return 0 }
        let session = Unmanaged<SMTPSession>.fromOpaque(context).takeUnretainedValue()
        if type == CURLINFO_HEADER_OUT || type == CURLINFO_HEADER_IN {
            let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
            let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            if type == CURLINFO_HEADER_OUT { lines.forEach(session.sent) } else { lines.forEach(session.received) }
        } else if type == CURLINFO_DATA_OUT {
            session.sendingBody = true
        }
        return 0
    }

    private static let verbs: Set<String> = ["EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT"]

    private func sent(_ line: String) {
        guard !closing else { return }
        let verb = line.prefix { $0 != " " && $0 != ":" }.uppercased()
        // AUTH LOGIN's follow-up lines are credentials, not commands: keep "AUTH" then.
        guard Self.verbs.contains(verb) else { return }
        if verb == "QUIT" { closing = true; return }
        command = verb == "AUTH" ? "AUTH" : line
        sendingBody = false
    }

    private func received(_ line: String) {
        guard !closing else { return }
        // Only the last line of a reply ("250 OK", not "250-SIZE …") ends it.
        let characters = Array(line)
        if characters.count >= 3, characters[0...2].allSatisfy(\.isNumber), characters.count == 3 || characters[3] == " " {
            reply = line
        }
    }

    /// The three-digit code of the last reply.
    var replyCode: Int? {
        reply.flatMap { Int($0.prefix(3)) }
    }

    /// The step that was refused, for the reason text.
    private var step: String {
        if sendingBody { return "the end of the message" }
        guard let command else { return "the greeting" }
        return command
    }

    /// Classifies a failed session (see ``SMTPDelivery`` for the rules); `failure` is libcurl's
    /// own account, used when the server said nothing that explains it.
    func outcome(failure: String, server: String) -> DeliveryResult {
        if let code = replyCode, let reply, code >= 400 {
            let reason = "\(server) refused \(step): \(reply)"
            let aboutMessage = sendingBody || ["MAIL", "RCPT", "DATA"].contains(where: { command?.hasPrefix($0) == true })
            if code >= 500, aboutMessage, code != 530 {
                return .permanentFailure(reason)
            }
            if code == 530 {
                return .temporaryFailure(reason + " (the server wants AUTH: put user:password in the SMTP URL)")
            }
            return .temporaryFailure(reason)
        }
        return .temporaryFailure("\(server): \(failure)")
    }
}
