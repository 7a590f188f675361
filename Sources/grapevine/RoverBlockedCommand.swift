import ArgumentParser
import Foundation
import RedRover

struct RoverBlockedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocked",
        abstract: "Record that locations were blocked: they are never offered again, and feed `rover suspects`.",
        discussion: "Each LOCATION is a URL the store or the exposure log knows; one unknown URL records none of them."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "URLs of the blocked locations.")
    var locations: [String]

    @Option(help: "When they were reported (ISO 8601; default: now).")
    var now: RoverTime?

    func run() throws {
        try reportingErrors {
            guard !locations.isEmpty else { throw ValidationError("name at least one blocked location URL") }
            let log = ExposureLog(store: try store.open())
            for entry in try log.block(locations, now: now?.date ?? Date()) {
                print("blocked \(entry.url) (told to \(entry.knownBy) subscriber\(entry.knownBy == 1 ? "" : "s"))")
            }
        }
    }
}
