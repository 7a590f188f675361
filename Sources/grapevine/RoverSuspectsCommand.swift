import ArgumentParser
import Foundation
import RedRover

struct RoverSuspectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspects",
        abstract: "Rank subscribers by how well what they were told explains the blocked locations.",
        discussion: """
            SCORE sums, over the blocked locations a subscriber was told, 1 / the number of \
            subscribers told that location; BLOCKED is how many of the blocked locations they knew. \
            Ties go to the subscriber told fewer locations in all.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Show at most this many.")
    var top: Int = 10

    func run() throws {
        try reportingErrors {
            guard top > 0 else { throw ValidationError("--top must be at least 1") }
            let (suspects, total) = try ExposureLog(store: store.open()).suspects(top: top)
            guard total > 0 else {
                print("no blocked locations recorded (see `grapevine rover blocked`)")
                return
            }
            guard !suspects.isEmpty else {
                print("no subscriber was told any of the \(total) blocked locations")
                return
            }
            var table = RoverTable(headers: ["RANK", "SCORE", "BLOCKED", "EXPOSURES", "SUBSCRIBER"])
            for (index, suspect) in suspects.enumerated() {
                table.rows.append([String(index + 1), String(format: "%.2f", suspect.score), "\(suspect.blockedKnown)/\(total)",
                                   String(suspect.exposures),
                                   suspect.address + (suspect.status == .unsubscribed ? " (unsubscribed)" : "")])
            }
            print(table.text, terminator: "")
        }
    }
}
