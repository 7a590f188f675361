import Foundation

/// How often a subscriber gets a digest: a fixed window of `seconds`, aligned to the Unix epoch.
///
/// Windows, not "last mail plus the cadence", decide when a subscriber is due: a daily `rover send`
/// from cron that runs a few seconds earlier than yesterday still finds everyone due, and two runs
/// inside one window find nobody due the second time (the outbox's UNIQUE(subscriber, period) is
/// the backstop).
public struct Cadence: Sendable, Hashable, CustomStringConvertible {
    public let seconds: Int

    static let units: [(suffix: Character, seconds: Int)] = [("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60)]
    /// A digest at most every minute, at least every year.
    static let range = 60...(366 * 86_400)

    public init(seconds: Int) throws(HubError) {
        guard Self.range.contains(seconds) else { throw .invalidCadence("\(seconds)s") }
        self.seconds = seconds
    }

    /// `30m`, `12h`, `1d`, `7d`, `2w`.
    public init(parsing text: String) throws(HubError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let scale = Self.units.first(where: { $0.suffix == unit })?.seconds,
              let count = Int(trimmed.dropLast()), count > 0, count <= Self.range.upperBound / scale else {
            throw .invalidCadence(text)
        }
        do {
            try self.init(seconds: count * scale)
        } catch {
            throw .invalidCadence(text)
        }
    }

    /// The start of the window `date` falls in: windows are `seconds` long from the Unix epoch
    /// (a daily cadence turns at midnight UTC).
    public func windowStart(containing date: Date) -> Date {
        let time = Int(date.timeIntervalSince1970.rounded(.down))
        let start = time >= 0 ? time - time % seconds : time - ((time % seconds) + seconds) % seconds
        return Date(timeIntervalSince1970: Double(start))
    }

    /// The name of the window `date` falls in, as the outbox keys a subscriber's digest:
    /// `2026-11-26T00:00:00Z/1d`.
    public func period(containing date: Date) -> String {
        HubTime.format(windowStart(containing: date)) + "/" + description
    }

    public static let daily = try! Cadence(seconds: 86_400)

    /// The largest unit that divides the cadence evenly: `1d`, `36h`, `90m`.
    public var description: String {
        let unit = Self.units.first { seconds % $0.seconds == 0 }!
        return "\(seconds / unit.seconds)\(unit.suffix)"
    }
}
