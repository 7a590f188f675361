import Mail
import RedRover

/// The Red Rover hub's settings in the node's configuration file (the `rover:` mapping), for
/// `grapevine rover send` and `grapevine rover inbox`; their command-line options win.
///
/// ```yaml
/// rover:
///   from: Red Rover <hub@example.org>   # --from: From of every mail, where requests go
///   hub_name: Red Rover                 # --hub-name: in subjects and List-Id
///   scatter: 3                          # --scatter: subscribers told each location
///   smtp: smtp://hub:secret@mail.example.org:587   # --smtp (or sendmail: PROGRAM, not both)
///   starttls: required                  # --starttls: opportunistic, required or never
///   ca_file: /etc/grapevine/ca.pem      # --ca-file
///   every: 1d                           # --every of `rover inbox`: cadence of subscriptions by mail
///   limit: 10                           # --limit of `rover inbox`: hints per mail of those
/// ```
///
/// Every value is checked when the file is read, with the rules the options follow, so a typo
/// is reported with the file, line and key before anything is sent. An SMTP URL's password is
/// never repeated in an error.
public struct RoverConfiguration: Sendable, Equatable {
    public var from: MailAddress?
    public var hubName: String?
    public var scatter: Int?
    public var smtp: String?
    public var sendmail: String?
    public var startTLS: SMTPDelivery.StartTLS?
    public var caFile: String?
    public var every: Cadence?
    public var limit: Int?

    public init() {}

    static let keys = ["from", "hub_name", "scatter", "smtp", "sendmail", "starttls", "ca_file", "every", "limit"]

    /// Reads the `rover:` mapping.
    init(_ value: ConfigurationValue) throws {
        for (name, entry) in try value.entries(prefix: value.key) {
            switch name {
            case "from":
                let text = try entry.string()
                do {
                    from = try MailAddress(parsing: text)
                } catch let error as MailError {
                    throw entry.error("is not a mail address such as 'Red Rover <hub@example.org>': \(error.reason)")
                }
            case "hub_name": hubName = try Self.checked(entry) { try HubSettings.checked(name: try entry.string()) }
            case "scatter": scatter = try Self.checked(entry) { try HubSettings.checked(scatter: try entry.int()) }
            case "smtp":
                let url = try entry.string()
                do {
                    _ = try SMTPDelivery(url: url)
                } catch let error as MailError {
                    throw entry.error("is not an SMTP URL (smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://…): \(error.reason)")
                }
                smtp = url
            case "sendmail": sendmail = try entry.string()
            case "starttls":
                let text = try entry.string()
                guard let mode = Self.startTLSModes[text] else {
                    throw entry.error("must be opportunistic, required or never, not '\(text)'")
                }
                startTLS = mode
            case "ca_file": caFile = try entry.string()
            case "every": every = try Self.checked(entry) { try Cadence(parsing: try entry.string()) }
            case "limit":
                let number = try entry.int()
                limit = try Self.checked(entry) { try SubscriberBook.check(limit: number); return number }
            default:
                throw ConfigurationError(path: entry.path, line: entry.line,
                                         message: "unknown key '\(entry.key)' (\(Self.keys.joined(separator: ", ")))")
            }
        }
        if smtp != nil && sendmail != nil {
            throw value.error("sets both smtp and sendmail: the hub delivers through one of them")
        }
    }

    static let startTLSModes: [String: SMTPDelivery.StartTLS] = ["opportunistic": .opportunistic, "required": .required, "never": .never]

    /// `make()`, with a refusal from the hub's own rules reported as this entry's.
    private static func checked<T>(_ entry: ConfigurationValue, _ make: () throws -> T) throws -> T {
        do {
            return try make()
        } catch let error as HubError {
            throw entry.error("is refused: \(error)")
        }
    }
}
