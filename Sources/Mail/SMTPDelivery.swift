import CCurl
import Dispatch
import Foundation

/// Delivery to an SMTP server through libcurl: `smtp://` (plain, with STARTTLS as configured)
/// or `smtps://` (TLS from the first byte), AUTH with the URL's user and password when the
/// server offers it.
///
/// ```swift
/// let smtp = try SMTPDelivery(url: "smtp://hub:secret@mail.example.org:587", startTLS: .required)
/// let result = await smtp.deliver(message)
/// ```
///
/// Each delivery is one SMTP session (connect, EHLO, STARTTLS, AUTH, MAIL, RCPT…, DATA, QUIT).
/// libcurl blocks, so sessions run on a dispatch queue of their own, never on Swift's
/// cooperative pool (each running session holds a thread: deliver a bounded number at once);
/// `deliverSynchronously` is there for callers that are on a thread anyway.
/// A path in the URL (`smtp://host/example.org`) is the name curl gives in EHLO.
///
/// Outcomes: a 4xx reply is temporary; a 5xx reply to MAIL FROM, RCPT TO, DATA or the end of the
/// message is permanent (but 530, "authentication required", is the set-up's fault: temporary);
/// a server that cannot be reached, refuses the login, lacks STARTTLS when it is required or
/// fails TLS verification is temporary. With several recipients, one refused recipient fails the
/// whole message; Red Rover sends one message per subscriber.
public struct SMTPDelivery: BlockingMailDelivery {
    /// Whether to upgrade a plain `smtp://` session with STARTTLS. `smtps://` is always TLS.
    public enum StartTLS: Sendable {
        /// Upgrade when the server offers STARTTLS, go on in plain text when it does not.
        case opportunistic
        /// Upgrade or fail (temporarily) without sending anything else.
        case required
        /// Never upgrade.
        case never
    }

    /// The URL as given, credentials and all: libcurl reads the user and password from it.
    public let url: String
    public let startTLS: StartTLS
    /// For the whole session, connection included.
    public let timeout: Duration
    /// A PEM file of certificates to trust instead of the system's (a private CA, a test server).
    public let caCertificateFile: String?
    /// `scheme://host:port` without credentials, for messages and logs.
    public let redactedURL: String

    /// Checks the URL (scheme `smtp` or `smtps`, a host); throws `.invalidConfiguration` naming it
    /// without its password.
    public init(url: String, startTLS: StartTLS = .opportunistic, timeout: Duration = .seconds(60),
                caCertificateFile: String? = nil) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw MailError(.invalidConfiguration, source: "SMTP URL", reason: "not a URL with a host (smtp://user:password@host:port)")
        }
        let port = components.port ?? (scheme == "smtps" ? 465 : 25)
        redactedURL = "\(scheme)://\(host):\(port)"
        guard scheme == "smtp" || scheme == "smtps" else {
            throw MailError(.invalidConfiguration, source: redactedURL, reason: "the scheme must be smtp or smtps")
        }
        self.url = url
        self.startTLS = startTLS
        self.timeout = timeout
        self.caCertificateFile = caCertificateFile
    }

    /// libcurl's global state, set up once before the first handle.
    private static let curlReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// One SMTP session on the calling thread, which it blocks for up to `timeout`.
    public func deliverSynchronously(_ message: Data, envelope: MailEnvelope) -> DeliveryResult {
        guard !envelope.recipients.isEmpty else { return .permanentFailure("no recipient") }
        guard Self.curlReady, let handle = curl_easy_init() else {
            return .temporaryFailure("libcurl could not be initialized")
        }
        defer { curl_easy_cleanup(handle) }
        let session = SMTPSession(message: message)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        var recipients: UnsafeMutablePointer<curl_slist>?
        for recipient in envelope.recipients {
            recipients = curl_slist_append(recipients, "<\(recipient.address)>")
        }
        defer { curl_slist_free_all(recipients) }

        let milliseconds = Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let tls: curl_usessl = switch startTLS {
        case .opportunistic: CURLUSESSL_TRY
        case .required: CURLUSESSL_ALL
        case .never: CURLUSESSL_NONE
        }
        let code: CURLcode = withExtendedLifetime(session) {
            let context = Unmanaged.passUnretained(session).toOpaque()
            var setup = [
                ccurl_setopt_string(handle, CURLOPT_URL, url),
                ccurl_setopt_long(handle, CURLOPT_USE_SSL, Int(tls.rawValue)),
                ccurl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(envelope.sender.address)>"),
                ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients),
                ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1),
                ccurl_setopt_read_function(handle, SMTPSession.read),
                ccurl_setopt_pointer(handle, CURLOPT_READDATA, context),
                ccurl_setopt_debug_function(handle, SMTPSession.observe),
                ccurl_setopt_pointer(handle, CURLOPT_DEBUGDATA, context),
                ccurl_setopt_long(handle, CURLOPT_VERBOSE, 1),
                ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
                ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(milliseconds, 1)),
                ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(milliseconds, 1)),
                // Signals for timeouts do not mix with threads.
                ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ]
            if let caCertificateFile {
                setup.append(ccurl_setopt_string(handle, CURLOPT_CAINFO, caCertificateFile))
            }
            if let failed = setup.first(where: { $0 != CURLE_OK }) { return failed }
            return curl_easy_perform(handle)
        }
        if code == CURLE_OK { return .delivered }
        let detail = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        return session.outcome(failure: detail, server: redactedURL)
    }
}
