import CGMime
import Foundation

extension ReceivedMail {
    /// Nested multiparts and forwards deeper than this are not looked into (a message crafted to
    /// nest without end must not exhaust the stack).
    static let maximumDepth = 32

    /// Parses one message with GMime.
    ///
    /// A leading mbox `From ` line (as a mail filter may pass on) is skipped. Throws
    /// ``MailError`` naming `source`: `.tooLarge` over `sizeLimit` bytes, `.malformed` when the
    /// bytes are not a message, `.noText` when no text/plain part can be found.
    public init(data: Data, source: String, sizeLimit: Int = RawMail.defaultSizeLimit) throws {
        guard data.count <= sizeLimit else {
            throw MailError(.tooLarge, source: source, reason: "\(data.count) bytes, over the limit of \(sizeLimit)")
        }
        var bytes = data
        if bytes.starts(with: Array("From ".utf8)) {
            bytes = bytes.firstIndex(of: UInt8(ascii: "\n")).map { Data(bytes[($0 + 1)...]) } ?? Data()
        }
        GMime.initialize()
        let stream = bytes.withUnsafeBytes { buffer in
            g_mime_stream_mem_new_with_buffer(buffer.bindMemory(to: CChar.self).baseAddress, buffer.count)!
        }
        defer { g_object_unref(stream) }
        let parser = g_mime_parser_new_with_stream(stream)!
        defer { g_object_unref(parser) }
        g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE)
        guard let message = g_mime_parser_construct_message(parser, nil) else {
            throw MailError(.malformed, source: source, reason: "not a mail message (GMime found no header block)")
        }
        defer { g_object_unref(message) }
        let object = cgmime_message_object(message)!

        let headers = Self.headers(of: object)
        guard headers.contains(where: { ["from", "to", "subject", "date", "message-id", "content-type", "mime-version"]
            .contains($0.name.lowercased()) }) else {
            throw MailError(.malformed, source: source,
                            reason: "not a mail message (none of From, To, Subject, Date, Message-ID, Content-Type)")
        }
        var texts: [String] = []
        if let body = g_mime_message_get_mime_part(message) {
            Self.collectText(body, into: &texts, depth: 0)
        }
        guard !texts.isEmpty else {
            throw MailError(.noText, source: source, reason: "no text/plain part in the message")
        }
        self.init(
            source: source, headers: headers,
            subject: GMime.string(g_mime_message_get_subject(message)),
            from: Self.mailboxes(g_mime_message_get_from(message)),
            to: Self.mailboxes(g_mime_message_get_to(message)),
            date: g_mime_message_get_date(message).map { Date(timeIntervalSince1970: TimeInterval(g_date_time_to_unix($0))) },
            messageID: GMime.string(g_mime_message_get_message_id(message)),
            textParts: texts
        )
    }

    /// Parses a message read from a mailbox or standard input, named as the reader named it.
    public init(_ raw: RawMail, sizeLimit: Int = RawMail.defaultSizeLimit) throws {
        try self.init(data: raw.data, source: raw.source, sizeLimit: sizeLimit)
    }

    private static func headers(of object: UnsafeMutablePointer<GMimeObject>) -> [MailHeader] {
        guard let list = g_mime_object_get_header_list(object) else { return [] }
        return (0..<g_mime_header_list_get_count(list)).compactMap { index in
            guard let header = g_mime_header_list_get_header_at(list, index),
                  let name = GMime.string(g_mime_header_get_name(header)) else { return nil }
            return MailHeader(name, GMime.string(g_mime_header_get_value(header)) ?? "")
        }
    }

    /// The mailboxes of an address list, group members included.
    private static func mailboxes(_ list: UnsafeMutablePointer<InternetAddressList>?) -> [MailAddress] {
        guard let list else { return [] }
        return (0..<internet_address_list_length(list)).flatMap { index -> [MailAddress] in
            guard let address = internet_address_list_get_address(list, index) else { return [] }
            if cgmime_is_group(address) != 0 { return mailboxes(cgmime_group_members(address)) }
            guard cgmime_is_mailbox(address) != 0, let addr = GMime.string(cgmime_mailbox_address(address)) else { return [] }
            return [MailAddress(unchecked: addr, name: GMime.string(internet_address_get_name(address)))]
        }
    }

    /// Appends the text of every readable text/plain part under `object`, depth first.
    private static func collectText(_ object: UnsafeMutablePointer<GMimeObject>, into texts: inout [String], depth: Int) {
        guard depth < maximumDepth else { return }
        if cgmime_is_message_part(object) != 0 {
            if let inner = g_mime_message_part_get_message(cgmime_object_message_part(object)),
               let body = g_mime_message_get_mime_part(inner) {
                collectText(body, into: &texts, depth: depth + 1)
            }
        } else if cgmime_is_multipart(object) != 0 {
            let multipart = cgmime_object_multipart(object)!
            let children = (0..<g_mime_multipart_get_count(multipart)).compactMap { g_mime_multipart_get_part(multipart, $0) }
            if let type = g_mime_object_get_content_type(object), g_mime_content_type_is_type(type, "multipart", "alternative") != 0 {
                // Alternatives say the same thing: take the first that has plain text.
                for child in children {
                    var found: [String] = []
                    collectText(child, into: &found, depth: depth + 1)
                    if !found.isEmpty { texts += found; return }
                }
            } else {
                for child in children { collectText(child, into: &texts, depth: depth + 1) }
            }
        } else if cgmime_is_text_part(object) != 0, isInlinePlainText(object),
                  let text = g_mime_text_part_get_text(cgmime_object_text_part(object)) {
            defer { g_free(text) }
            let string = GMime.string(text)!
            texts.append(string.replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }

    /// text/plain (or no Content-Type at all, which means text/plain) and not an attachment.
    private static func isInlinePlainText(_ object: UnsafeMutablePointer<GMimeObject>) -> Bool {
        if let type = g_mime_object_get_content_type(object), g_mime_content_type_is_type(type, "text", "plain") == 0 {
            return false
        }
        guard let disposition = GMime.string(g_mime_object_get_disposition(object)) else { return true }
        return disposition.lowercased() != "attachment"
    }
}
