import Foundation

/// `xsd:dateTime` as the block writes and reads it.
///
/// Written in one form (UTC, whole seconds, `2026-11-26T19:00:00Z`) so that a hub signs the same
/// bytes for the same hints. Read more liberally (fractional seconds, a `+hh:mm` offset), but a
/// time without a zone is refused: "valid until 19:00" in nobody knows which zone is no expiry.
enum HintTime {
    private static let utc = TimeZone(identifier: "UTC")!

    static func format(_ date: Date) -> String {
        if let fields = UTCFields(date) { return fields.iso8601 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: wholeSeconds(date))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `date` without its fractional seconds: what the block can carry.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// The instant `text` spells, or nil unless it is a zoned `xsd:dateTime` of a real date.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count,
                  bytes[range].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        func at(_ index: Int, _ character: Character) -> Bool { bytes[index] == character.asciiValue }
        guard let year = number(0..<4), at(4, "-"), let month = number(5..<7), at(7, "-"), let day = number(8..<10),
              at(10, "T"), let hour = number(11..<13), at(13, ":"), let minute = number(14..<16), at(16, ":"),
              let second = number(17..<19) else { return nil }
        var index = 19
        var fraction = 0.0
        if at(index, ".") {
            let digits = bytes[(index + 1)...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            guard !digits.isEmpty, let value = Double("0." + String(decoding: digits, as: UTF8.self)) else { return nil }
            fraction = value
            index += 1 + digits.count
        }
        let offset: Int
        switch bytes.count - index {
        case 1 where at(index, "Z"):
            offset = 0
        case 6 where (at(index, "+") || at(index, "-")) && at(index + 3, ":"):
            guard let hours = number((index + 1)..<(index + 3)), let minutes = number((index + 4)..<(index + 6)),
                  hours <= 14, minutes < 60 else { return nil }
            offset = (at(index, "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // Calendar rolls February 30th over into March: the round trip tells.
        guard let date = calendar.date(from: components) else { return nil }
        let check = calendar.dateComponents([.year, .month, .day], from: date)
        guard check.year == year, check.month == month, check.day == day else { return nil }
        return date.addingTimeInterval(fraction - Double(offset))
    }
}
