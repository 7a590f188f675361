import Foundation

/// The one timestamp form the hub's tables use: `2026-11-26T19:00:00Z` (UTC, whole seconds), so
/// that times compare as text in SQL and read the same in every table.
enum HubTime {
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash)
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
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = parse(trimmed) { return date }
        return parse(trimmed + "Z")
    }

    /// Made once: a calendar costs more to make than to use, and every hint needs one.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `2026-12-01 18:00 UTC`: what a person reads in a hint mail.
    static func readable(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC",
                      parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Whole seconds: what the tables keep, so a value read back equals the one written.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
