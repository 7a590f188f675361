import CGMime
import Foundation

extension MailMessage {
    /// Header fields the message writes itself; `headers` may not repeat them.
    static let ownHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version",
        "content-type", "content-transfer-encoding", "content-disposition",
    ]

    /// The longest body line sent as is; longer lines (or any non-ASCII text) are sent
    /// quoted-printable, whose soft line breaks keep every line on the wire within 76 characters.
    static let longestPlainLine = 78

    /// The message as RFC 5322 bytes with CRLF line ends: Date, Message-ID, From, To, Subject,
    /// MIME-Version, the extra headers, `Content-Type: text/plain; charset=utf-8` and a transfer
    /// encoding (7bit when the body is short-lined ASCII, else quoted-printable or base64, as
    /// GMime judges best). Non-ASCII header text is RFC 2047-encoded and long headers folded.
    ///
    /// Throws ``MailError`` (`.invalidHeader`, `.invalidAddress`) naming the field at fault.
    public func rendered() throws -> Data {
        try check()
        GMime.initialize()
        let message = g_mime_message_new(1)!
        defer { g_object_unref(message) }
        let object = cgmime_message_object(message)!

        g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_FROM, from.name, from.address)
        for recipient in to {
            g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_TO, recipient.name, recipient.address)
        }
        g_mime_message_set_subject(message, subject, "utf-8")
        let dateTime = g_date_time_new_from_unix_utc(gint64(date.timeIntervalSince1970.rounded(.down)))
        g_mime_message_set_date(message, dateTime)
        g_date_time_unref(dateTime)
        g_mime_message_set_message_id(message, messageID)
        for header in headers {
            g_mime_object_append_header(object, header.name, header.value, "utf-8")
            // Plain ASCII is written as given: GMime would RFC 2047-encode a long word it cannot
            // fold (a List-Unsubscribe URL), and clients do not decode encoded words there.
            if header.value.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }),
               let list = g_mime_object_get_header_list(object),
               let written = g_mime_header_list_get_header_at(list, g_mime_header_list_get_count(list) - 1) {
                g_mime_header_set_raw_value(written, Self.folded(header.value, after: header.name))
            }
        }

        let part = try textPart()
        defer { g_object_unref(part) }
        g_mime_message_set_mime_part(message, cgmime_text_part_object(part))

        let options = g_mime_format_options_new()
        defer { g_mime_format_options_free(options) }
        g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS)
        let output = g_mime_stream_mem_new()!
        defer { g_object_unref(output) }
        guard g_mime_object_write_to_stream(object, options, output) >= 0,
              let bytes = g_mime_stream_mem_get_byte_array(cgmime_stream_mem(output)) else {
            throw MailError(.malformed, source: "message \(messageID)", reason: "GMime could not write the message")
        }
        return Data(bytes: bytes.pointee.data, count: Int(bytes.pointee.len))
    }

    /// The single text/plain part holding `body` (line ends normalized, ending in a newline).
    private func textPart() throws -> UnsafeMutablePointer<GMimeTextPart> {
        let normalized = Self.normalizedBody(body)
        var utf8 = normalized.bytes
        let plain = normalized.plain
        let part = g_mime_text_part_new_with_subtype("plain")!
        let mimePart = cgmime_text_part_part(part)!
        let stream = g_mime_stream_mem_new_with_buffer(&utf8, utf8.count)!
        let content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT)!
        g_mime_part_set_content(mimePart, content)
        g_object_unref(content)
        g_object_unref(stream)
        g_mime_text_part_set_charset(part, "utf-8")

        var encoding = plain ? GMIME_CONTENT_ENCODING_7BIT
            : g_mime_part_get_best_content_encoding(mimePart, GMIME_ENCODING_CONSTRAINT_7BIT)
        if !plain && encoding.rawValue <= GMIME_CONTENT_ENCODING_7BIT.rawValue {
            encoding = GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE
        }
        g_mime_part_set_content_encoding(mimePart, encoding)
        return part
    }

    /// `body` as UTF-8 with LF line ends (CRLF and a lone CR become LF), ending in a line end, and
    /// whether it can go as it is (7bit: ASCII, no line longer than `longestPlainLine` bytes).
    /// One pass over the bytes: a hub renders this for every mail it queues, and Foundation's
    /// `replacingOccurrences` took longer than the rest of the rendering.
    static func normalizedBody(_ body: String) -> (bytes: [UInt8], plain: Bool) {
        var body = body
        return body.withUTF8 { input in
            var plain = true
            var lineLength = 0
            var afterCR = false
            var count = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: input.count + 1) { output, initialized in
                for byte in input {
                    if afterCR {
                        afterCR = false
                        if byte == 0x0A { continue }  // the LF of a CRLF, already written
                    }
                    switch byte {
                    case 0x0D, 0x0A:
                        output[count] = 0x0A
                        afterCR = byte == 0x0D
                        lineLength = 0
                    default:
                        output[count] = byte
                        lineLength += 1
                        if byte >= 0x80 || lineLength > longestPlainLine { plain = false }
                    }
                    count += 1
                }
                if count == 0 || output[count - 1] != 0x0A {
                    output[count] = 0x0A
                    count += 1
                }
                initialized = count
            }
            return (bytes, plain)
        }
    }

    /// Fails on what GMime would write without complaint but a reader would misread.
    private func check() throws {
        func bad(_ field: String, _ reason: String) -> MailError {
            MailError(.invalidHeader, source: "message \(messageID)", reason: "\(field): \(reason)")
        }
        guard !to.isEmpty else { throw bad("To", "no recipient") }
        guard !subject.contains(where: { $0.isNewline }) else { throw bad("Subject", "contains a line break") }
        let parts = messageID.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              messageID.utf8.allSatisfy(Self.fitsMessageID) else {
            throw bad("Message-ID", "\"\(messageID)\" is not of the form id@domain")
        }
        for header in headers {
            guard !header.name.isEmpty,
                  header.name.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != ":" }) else {
                throw bad("header \"\(header.name)\"", "not a valid field name")
            }
            guard !Self.ownHeaders.contains(header.name.lowercased()) else {
                throw bad(header.name, "set by the message itself, not as an extra header")
            }
            guard !header.value.contains(where: { $0.isNewline }) else {
                throw bad(header.name, "the value contains a line break")
            }
        }
    }

    /// Whether a byte may be part of a Message-ID: printable ASCII other than `<>"(),;:\[]`
    /// (checked on bytes: it runs for every mail a hub queues).
    private static func fitsMessageID(_ byte: UInt8) -> Bool {
        (0x21..<0x7F).contains(byte) && !"<>\"(),;:\\[]".utf8.contains(byte)
    }

    /// An ASCII header value folded at spaces so lines stay within 78 columns where they can; a
    /// single longer word (a URL) stays whole, which RFC 5322 allows up to 998.
    static func folded(_ value: String, after name: String) -> String {
        var result = ""
        var column = name.count + 1
        for (index, word) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 && column + 1 + word.count > 78 {
                result += "\n"
                column = 0
            }
            result += " " + word
            column += 1 + word.count
        }
        return result + "\n"
    }
}
