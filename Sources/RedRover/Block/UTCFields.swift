import Foundation

/// A UTC instant's calendar fields, computed with Howard Hinnant's civil-date algorithms
/// rather than a `Calendar` or a format style: the hub writes several times for every hint it
/// mails (the block's expiry, the readable "until", the tables' timestamps), and those cost
/// microseconds each, more than the rest of a mail.
///
/// Only for the years 1900–9999: there the proleptic Gregorian calendar of the algorithms
/// agrees with Foundation's (which turns Julian before 1582), and every year has four digits.
/// Callers go to Foundation outside them.
struct UTCFields: Equatable {
    let year: Int, month: Int, day: Int
    let hour: Int, minute: Int, second: Int

    static let years = 1900...9999

    /// The fields of `date`, without its fraction of a second; nil outside `years`.
    init?(_ date: Date) {
        let time = date.timeIntervalSince1970.rounded(.down)
        guard time.isFinite, abs(time) < 1e12 else { return nil }
        let seconds = Int(time)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        // civil_from_days
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * monthIndex + 2) / 5 + 1,
                  hour: secondOfDay / 3_600, minute: secondOfDay % 3_600 / 60, second: secondOfDay % 60)
    }

    /// The fields as given, or nil unless they name a real time of a year in `years` (no
    /// February 30th, no leap second).
    init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard Self.years.contains(year), (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Seconds from 1970-01-01T00:00:00Z (days_from_civil).
    var secondsSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3_600 + minute * 60 + second
    }

    var date: Date { Date(timeIntervalSince1970: Double(secondsSinceEpoch)) }

    /// `2026-11-26T19:00:00Z`.
    var iso8601: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        Self.append(year, width: 4, to: &bytes, then: "-")
        Self.append(month, width: 2, to: &bytes, then: "-")
        Self.append(day, width: 2, to: &bytes, then: "T")
        Self.append(hour, width: 2, to: &bytes, then: ":")
        Self.append(minute, width: 2, to: &bytes, then: ":")
        Self.append(second, width: 2, to: &bytes, then: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2026-11-26 19:00 UTC`.
    var readable: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        Self.append(year, width: 4, to: &bytes, then: "-")
        Self.append(month, width: 2, to: &bytes, then: "-")
        Self.append(day, width: 2, to: &bytes, then: " ")
        Self.append(hour, width: 2, to: &bytes, then: ":")
        Self.append(minute, width: 2, to: &bytes, then: " ")
        return String(decoding: bytes, as: UTF8.self) + "UTC"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `value` in `width` decimal digits (zero-padded), then `separator`.
    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8], then separator: Character) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
        bytes.append(separator.asciiValue!)
    }
}
