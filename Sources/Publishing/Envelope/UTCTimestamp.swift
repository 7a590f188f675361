import Foundation

/// The one timestamp form envelopes use: `2026-11-26T19:00:00Z` (UTC, whole seconds).
///
/// One spelling per instant keeps envelopes canonical: the signed bytes can be rebuilt from the
/// parsed fields, and a timestamp compares as text in the store.
enum UTCTimestamp {
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// The instant `text` spells, or nil unless it is exactly the canonical form of a real date.
    static func parse(_ text: some StringProtocol) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return nil }
        for (index, byte) in bytes.enumerated() {
            let expected: UInt8? = switch index {
            case 4, 7: UInt8(ascii: "-")
            case 10: UInt8(ascii: "T")
            case 13, 16: UInt8(ascii: ":")
            case 19: UInt8(ascii: "Z")
            default: nil
            }
            if let expected { guard byte == expected else { return nil } } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            }
        }
        // Foundation normalises impossible dates (February 30th) or refuses them; either way the
        // round trip tells.
        guard let date = try? Date(String(text), strategy: .iso8601), format(date) == String(text) else { return nil }
        return date
    }

    /// `date` without its fractional seconds, so what is stored equals what is signed.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
