import ArgumentParser
import RedRover

struct RoverOutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List the mail waiting in the outbox (queued) and the mail that failed for good."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Include mail already sent.")
    var all = false

    func run() throws {
        try reportingErrors {
            let entries = try Outbox(store: store.open()).entries(all ? [.queued, .failed, .sent] : [.queued, .failed])
            guard !entries.isEmpty else {
                print("the outbox is empty")
                return
            }
            var table = RoverTable(headers: ["ID", "STATE", "TO", "ATTEMPTS", "NEXT ATTEMPT", "REASON"])
            for entry in entries {
                table.rows.append([String(entry.id), entry.state.rawValue, entry.recipient, String(entry.attempts),
                                   entry.state == .queued ? RoverTime.format(entry.nextAttempt) : "-",
                                   entry.lastError.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? ""])
            }
            print(table.text, terminator: "")
        }
    }
}
