import ArgumentParser
import Foundation
import Mail

/// How the hub hands mail to a server: `--smtp URL` (or GRAPEVINE_SMTP_URL) or `--sendmail PROGRAM`.
struct RoverDeliveryOptions: ParsableArguments {
    enum StartTLSChoice: String, ExpressibleByArgument, CaseIterable {
        case opportunistic, required, never
    }

    @Option(help: ArgumentHelp("An SMTP server: smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://… .",
                               discussion: "Default: $GRAPEVINE_SMTP_URL. STARTTLS and AUTH are used when the server offers them."))
    var smtp: String?

    @Option(help: "Upgrade an smtp:// session with STARTTLS: opportunistic, required or never.")
    var starttls: StartTLSChoice = .opportunistic

    @Option(name: .customLong("ca-file"), help: "PEM certificates to trust for the SMTP server instead of the system's.",
            completion: .file())
    var caFile: String?

    @Option(help: "A sendmail-compatible program to deliver through instead of SMTP.", completion: .file())
    var sendmail: String?

    /// The configured delivery, or nil when neither option (nor the environment) names one.
    func delivery() throws -> (any MailDelivery)? {
        let url = smtp ?? ProcessInfo.processInfo.environment["GRAPEVINE_SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if smtp != nil && sendmail != nil { throw ValidationError("give --smtp or --sendmail, not both") }
        if let sendmail { return SendmailDelivery(program: sendmail) }
        guard let url else { return nil }
        let mode: SMTPDelivery.StartTLS = switch starttls {
        case .opportunistic: .opportunistic
        case .required: .required
        case .never: .never
        }
        return try SMTPDelivery(url: url, startTLS: mode, caCertificateFile: caFile)
    }
}
