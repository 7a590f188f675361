import ArgumentParser
import Foundation
import Mail
import Node

/// How the hub hands mail to a server: `--smtp URL` (or GRAPEVINE_SMTP_URL) or `--sendmail
/// PROGRAM`, else the configuration file's `rover.smtp` or `rover.sendmail`.
struct RoverDeliveryOptions: ParsableArguments {
    enum StartTLSChoice: String, ExpressibleByArgument, CaseIterable {
        case opportunistic, required, never

        var mode: SMTPDelivery.StartTLS {
            switch self {
            case .opportunistic: .opportunistic
            case .required: .required
            case .never: .never
            }
        }
    }

    @Option(help: ArgumentHelp("An SMTP server: smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://… .",
                               discussion: "Default: $GRAPEVINE_SMTP_URL, else rover.smtp of --config. STARTTLS and AUTH are used when the server offers them."))
    var smtp: String?

    @Option(help: "Upgrade an smtp:// session with STARTTLS: opportunistic, required or never (default: rover.starttls of --config, else opportunistic).")
    var starttls: StartTLSChoice?

    @Option(name: .customLong("ca-file"), help: "PEM certificates to trust for the SMTP server instead of the system's (default: rover.ca_file of --config).",
            completion: .file())
    var caFile: String?

    @Option(help: "A sendmail-compatible program to deliver through instead of SMTP (default: rover.sendmail of --config).", completion: .file())
    var sendmail: String?

    /// The configured delivery, or nil when neither the options, the environment nor `file`
    /// names one. The command line comes first, then GRAPEVINE_SMTP_URL, then the file.
    func delivery(_ file: RoverConfiguration = RoverConfiguration()) throws -> (any MailDelivery)? {
        if smtp != nil && sendmail != nil { throw ValidationError("give --smtp or --sendmail, not both") }
        if let sendmail { return SendmailDelivery(program: sendmail) }
        let startTLS = starttls?.mode ?? file.startTLS ?? .opportunistic
        if let url = smtp ?? ProcessEnvironment.value("GRAPEVINE_SMTP_URL") ?? file.smtp {
            return try SMTPDelivery(url: url, startTLS: startTLS, caCertificateFile: caFile ?? file.caFile)
        }
        return file.sendmail.map { SendmailDelivery(program: $0) }
    }
}
