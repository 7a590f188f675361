import ArgumentParser
import Foundation
import Mail
import Node
import Publishing
import RedRover

struct HintsReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Import the hints of mailed messages: one on standard input, or a Maildir or mbox.",
        discussion: """
            Each message's block must be intact and signed by a trusted hub: the hubs listed in \
            <db>.hubs (see `grapevine hints trust`), under hubs: in --config FILE (the node's YAML \
            configuration, whose db: is also the store when --db is not given) and any given \
            with --trust. Hints that have \
            expired are dropped; the rest are stored, replacing the hub's graph of hints in one \
            transaction.

            Every message is imported on its own. A message whose block is damaged, forged or \
            from an untrusted hub is refused with its name (and Message-ID) on stderr and \
            changes nothing, while the other messages still import; the command then exits 1. \
            Messages without a block are reported and skipped.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var configFile: ConfigOptions

    @Option(name: .customLong("trust"), help: ArgumentHelp("A hub's peer id whose hints to accept (repeatable).", valueName: "HUB_PEER_ID"))
    var trust: [String] = []

    @Option(help: ArgumentHelp("Read every message of this Maildir (new/ and cur/), leaving it unchanged.", valueName: "DIR"),
            completion: .directory)
    var maildir: String?

    @Option(help: ArgumentHelp("Read every message of this mbox file.", valueName: "FILE"), completion: .file())
    var mbox: String?

    @Flag(name: .shortAndLong, help: "Print only refusals.")
    var quiet = false

    func validate() throws {
        if maildir != nil && mbox != nil { throw ValidationError("give --maildir or --mbox, not both") }
        for text in trust where PeerID(text) == nil {
            throw ValidationError("--trust '\(text)' is not a hub's peer id (52 base32 characters, as `grapevine whoami` prints on the hub)")
        }
    }

    func run() throws {
        let (reports, refusals) = try reportingErrors { () -> ([MessageReport], [HintRefusal]) in
            let configuration = try configFile.load()
            let store = storeOptions.applying(configuration)
            var trusted = try TrustedHubs.load(forDatabase: store.path).set
            trusted.formUnion(configuration?.hubs ?? [])
            trusted.formUnion(trust.compactMap { PeerID($0) })
            guard !trusted.isEmpty else {
                throw ValidationFailure("""
                    no trusted hub: give --trust HUB_PEER_ID, list it under hubs: in --config FILE, or trust one for \
                    this store with `grapevine hints trust HUB_PEER_ID` (it goes into \(TrustedHubs.path(forDatabase: store.path)))
                    """)
            }
            let mails: [RawMail]
            if let maildir {
                mails = try Maildir(path: maildir).messages()
            } else if let mbox {
                mails = try Mbox(path: mbox).messages()
            } else {
                mails = [try RawMail.standardInput()]
            }
            if mails.isEmpty { print("no messages in \(maildir ?? mbox ?? "standard input")") }
            let receiver = HintReceiver(store: try store.open(), trusting: trusted)
            var reports: [MessageReport] = [], refusals: [HintRefusal] = []
            for result in receiver.receive(mails) {
                switch result {
                case .success(let report):
                    reports.append(report)
                    if !quiet { print(report) }
                case .failure(let refusal):
                    refusals.append(refusal)
                    StandardError.write("grapevine: \(refusal)\n")
                }
            }
            return (reports, refusals)
        }
        if !quiet && reports.count + refusals.count > 1 {
            let imported = reports.filter(\.hasHints).count
            print("\(reports.count + refusals.count) messages: \(imported) imported, \(reports.count - imported) without hints, \(refusals.count) refused")
        }
        if !refusals.isEmpty { throw ExitCode.failure }
    }
}
