import Foundation

/// Reads when a description should expire, as a person writes it: a duration from now (`90s`,
/// `30m`, `12h`, `7d`, `2w`) or an ISO 8601 date-time (`2026-12-24T18:00:00Z`, or with an
/// offset such as `+01:00`).
public enum ExpiryTime {
    public static let forms = "a duration like 90s, 30m, 12h, 7d or 2w, or an ISO 8601 date-time like 2026-12-24T18:00:00Z"

    /// The instant `text` names, or nil when it is neither form (or a duration of zero).
    public static func parse(_ text: String, now: Date = Date()) -> Date? {
        if let unit = text.last, let seconds = unitSeconds[unit] {
            let digits = text.dropLast()
            guard !digits.isEmpty, digits.utf8.count <= 9, digits.utf8.allSatisfy({ (48...57).contains($0) }),
                  let count = Int(digits), count > 0 else { return nil }
            return now.addingTimeInterval(Double(count * seconds))
        }
        return try? Date(text, strategy: .iso8601)
    }

    private static let unitSeconds: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
}
