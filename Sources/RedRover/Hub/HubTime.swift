import Foundation

/// The one timestamp form the hub's tables use: `2026-11-26T19:00:00Z` (UTC, whole seconds), so
/// that times compare as text in SQL and read the same in every table.
enum HubTime {
    static func format(_ date: Date) -> String {
        if let fields = UTCFields(date) { return fields.iso8601 }
        return date.formatted(.iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Parses what `format` wrote, or any ISO 8601 date-time with a zone (fractions allowed).
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// An `xsd:dateTime` lexical form as an instant. A value without a zone is taken as UTC (the
    /// only reading that does not depend on where the hub runs); fractions of a second are kept.
    static func parseXSDDateTime(_ text: String) -> Date? {
        if let date = parseCommon(text) { return date }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = parse(trimmed) { return date }
        return parse(trimmed + "Z")
    }

    /// The usual form of an expiry, `2026-11-26T19:00:00Z` (without a zone: UTC; or with
    /// `±hh:mm`), read by hand: Foundation's parser cost more than the rest of loading a
    /// catalogue of 100,000 locations. Nil for anything else (fractions, spaces, a leap second,
    /// a field out of range, a year before 1900 or after 9999), which the general parser reads.
    static func parseCommon(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19 || bytes.count == 20 || bytes.count == 25 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<start + length] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is character: Character) -> Bool { bytes[index] == character.asciiValue }
        guard byte(4, is: "-"), byte(7, is: "-"), byte(10, is: "T"), byte(13, is: ":"), byte(16, is: ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              let fields = UTCFields(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard byte(19, is: "Z") else { return nil }
        } else if bytes.count == 25 {
            guard byte(19, is: "+") || byte(19, is: "-"), byte(22, is: ":"),
                  let hours = number(20, 2), let minutes = number(23, 2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (byte(19, is: "-") ? -1 : 1)
        }
        return Date(timeIntervalSince1970: Double(fields.secondsSinceEpoch - offset))
    }

    /// Made once: a calendar costs more to make than to use, and every hint needs one.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `2026-12-01 18:00 UTC`: what a person reads in a hint mail.
    static func readable(_ date: Date) -> String {
        if let fields = UTCFields(date) { return fields.readable }
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC",
                      parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Whole seconds: what the tables keep, so a value read back equals the one written.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
