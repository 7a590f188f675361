import ArgumentParser
import Foundation

/// `--now` for the rover commands: an ISO 8601 time to act as if it were (tests, replays).
struct RoverTime: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let date = (try? Date(argument, strategy: .iso8601))
                ?? (try? Date(argument, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))) else { return nil }
        self.date = date
    }

    static func format(_ date: Date?) -> String {
        guard let date else { return "-" }
        return date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
