import CGMime

/// A mailbox: an address (`local@domain`) and an optional display name.
///
/// Addresses are checked when made, because the same value goes into a header and into the SMTP
/// envelope: a malformed one must fail here, as a permanent error, not halfway through a session.
/// Only plain ASCII addresses are accepted (dot-atom local part, host-name domain): the delivery
/// paths do not negotiate SMTPUTF8. Display names may be any Unicode text without line breaks;
/// they are RFC 2047-encoded when written.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`.
    public let address: String
    public let name: String?

    /// Checks `address` (see the type's notes) and `name` (no CR or LF).
    public init(_ address: String, name: String? = nil) throws {
        try Self.check(address)
        if let name, name.contains(where: { $0.isNewline }) {
            throw MailError(.invalidAddress, source: address, reason: "the display name contains a line break")
        }
        self.address = address
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// For addresses read from received mail, which are reported as found, not checked.
    init(unchecked address: String, name: String?) {
        self.address = address
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// One mailbox as written in a header or a configuration file: `Ann <ann@example.org>`,
    /// `"Hub, The" <hub@example.org>`, `ann@example.org`, or with an RFC 2047 name.
    public init(parsing text: String) throws {
        GMime.initialize()
        guard let list = internet_address_list_parse(nil, text) else {
            throw MailError(.invalidAddress, source: text, reason: "not a mail address")
        }
        defer { g_object_unref(list) }
        guard internet_address_list_length(list) == 1,
              let first = internet_address_list_get_address(list, 0), cgmime_is_mailbox(first) != 0,
              let address = GMime.string(cgmime_mailbox_address(first)) else {
            throw MailError(.invalidAddress, source: text, reason: "not exactly one mailbox")
        }
        try self.init(address, name: GMime.string(internet_address_get_name(first)))
    }

    /// The part after the `@`.
    public var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }

    /// `Name <address>` or `address`, for people to read (headers are written by GMime).
    public var description: String {
        name.map { "\($0) <\(address)>" } ?? address
    }

    /// RFC 5322 `atext`: the characters of a dot-atom other than the dot.
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
    private static let hostCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")

    private static func check(_ address: String) throws {
        func bad(_ reason: String) -> MailError {
            MailError(.invalidAddress, source: address.isEmpty ? "empty address" : address, reason: reason)
        }
        guard address.utf8.count <= 254 else { throw bad("longer than 254 characters") }
        guard let at = address.lastIndex(of: "@") else { throw bad("no @ in the address") }
        let local = address[..<at], domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw bad("the part before @ is empty or over 64 characters") }
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard atoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(atext.contains) }) else {
            throw bad("the part before @ is not a plain dot-atom (letters, digits, !#$%&'*+-/=?^_`{|}~ and single dots)")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard !domain.isEmpty, labels.allSatisfy({ label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy(hostCharacters.contains)
                && label.first != "-" && label.last != "-"
        }) else {
            throw bad("the domain is not a host name")
        }
    }
}
