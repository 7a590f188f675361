import Foundation

/// The value of an xsd:dateTime (or xsd:date) literal: its fields, normalized (`24:00:00` is
/// midnight of the next day), and its optional timezone.
struct DateTimeValue: Sendable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second: Decimal = 0
    /// Offset from UTC in minutes; nil when the literal has no timezone.
    var timezoneMinutes: Int?
    /// The timezone as written: "", "Z" or "±hh:mm" (what TZ() returns).
    var timezoneLexical = ""

    // MARK: Parsing

    /// `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?`
    init?(dateTime lexical: String) {
        var scanner = Scanner(lexical)
        guard let (year, month, day) = scanner.date(), scanner.take("T"),
              let hour = scanner.digits(2), scanner.take(":"),
              let minute = scanner.digits(2), scanner.take(":"),
              let wholeSeconds = scanner.digits(2)
        else { return nil }
        var second = Decimal(wholeSeconds)
        var fraction = ""
        if scanner.take(".") {
            fraction = scanner.digitRun()
            guard !fraction.isEmpty, let value = Decimal(string: "0." + fraction) else { return nil }
            second += value
        }
        guard let timezone = scanner.timezone(), scanner.atEnd else { return nil }
        guard minute <= 59, wholeSeconds <= 59 else { return nil }
        if hour == 24 {
            guard minute == 0, second.isZero else { return nil }
        } else if hour > 23 {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        (timezoneMinutes, timezoneLexical) = timezone
        if hour == 24 {
            self.hour = 0
            (self.year, self.month, self.day) = Self.civil(fromDays: Self.days(year: year, month: month, day: day) + 1)
        }
    }

    /// `-?YYYY-MM-DD(Z|±hh:mm)?`
    init?(date lexical: String) {
        var scanner = Scanner(lexical)
        guard let (year, month, day) = scanner.date(), let timezone = scanner.timezone(), scanner.atEnd else { return nil }
        self.year = year
        self.month = month
        self.day = day
        (timezoneMinutes, timezoneLexical) = timezone
    }

    /// The UTC instant of a `Date` (NOW()).
    init(_ date: Date) {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, millisecondOfDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (dayOffset, msOfDay) = millisecondOfDay < 0 ? (days - 1, millisecondOfDay + 86_400_000) : (days, millisecondOfDay)
        (year, month, day) = Self.civil(fromDays: dayOffset)
        hour = msOfDay / 3_600_000
        minute = msOfDay / 60_000 % 60
        second = Decimal(msOfDay % 60_000) / 1000
        timezoneMinutes = 0
        timezoneLexical = "Z"
    }

    // MARK: Writing

    /// The xsd:dateTime lexical form (seconds without trailing fraction zeros).
    var dateTimeLexical: String {
        var seconds = (second < 10 ? "0" : "") + second.description
        if seconds.contains(".") {
            while seconds.hasSuffix("0") { seconds.removeLast() }
            if seconds.hasSuffix(".") { seconds.removeLast() }
        }
        return dateLexical + "T" + Self.pad(hour, 2) + ":" + Self.pad(minute, 2) + ":" + seconds + timezoneLexical
    }

    private var dateLexical: String {
        let yearText = year < 0 ? "-" + Self.pad(-year, 4) : Self.pad(year, 4)
        return yearText + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// TIMEZONE(): the offset as an xsd:dayTimeDuration lexical form (`PT0S`, `-PT8H`, `PT5H30M`).
    var timezoneDuration: String? {
        guard let minutes = timezoneMinutes else { return nil }
        if minutes == 0 { return "PT0S" }
        let magnitude = Swift.abs(minutes)
        var text = minutes < 0 ? "-PT" : "PT"
        if magnitude / 60 > 0 { text += "\(magnitude / 60)H" }
        if magnitude % 60 > 0 { text += "\(magnitude % 60)M" }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: Comparison

    /// Seconds since 0000-01-01T00:00:00Z, taking a missing timezone as `offsetMinutes`.
    func instant(assumingOffset offsetMinutes: Int = 0) -> Decimal {
        let days = Self.days(year: year, month: month, day: day)
        let wholeSeconds = days * 86_400 + hour * 3_600 + minute * 60 - (timezoneMinutes ?? offsetMinutes) * 60
        return Decimal(wholeSeconds) + second
    }

    /// XSD's partial order: values with and without a timezone compare only when they are more
    /// than 14 hours apart. nil when the order is indeterminate.
    static func compare(_ a: DateTimeValue, _ b: DateTimeValue) -> ComparisonResult? {
        if (a.timezoneMinutes == nil) == (b.timezoneMinutes == nil) {
            return order(a.instant(), b.instant())
        }
        // The one without a timezone lies somewhere between its reading at +14:00 and at -14:00.
        let (zoned, local, flipped) = a.timezoneMinutes != nil ? (a, b, false) : (b, a, true)
        let earliest = local.instant(assumingOffset: 14 * 60)
        let latest = local.instant(assumingOffset: -14 * 60)
        let point = zoned.instant()
        let result: ComparisonResult
        if point < earliest {
            result = .orderedAscending
        } else if point > latest {
            result = .orderedDescending
        } else {
            return nil
        }
        return flipped ? (result == .orderedAscending ? .orderedDescending : .orderedAscending) : result
    }

    private static func order(_ x: Decimal, _ y: Decimal) -> ComparisonResult {
        x < y ? .orderedAscending : (x == y ? .orderedSame : .orderedDescending)
    }

    // MARK: Calendar (proleptic Gregorian, year 0 = 1 BCE as XSD 1.1 has it)

    /// Days from 0000-03-01 based civil arithmetic (H. Hinnant's algorithm), shifted to 1970-01-01.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: Scanner

    /// A cursor over the ASCII of a date/time lexical form.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ character: Character) -> Bool {
            guard position < bytes.count, bytes[position] == character.asciiValue else { return false }
            position += 1
            return true
        }

        mutating func digitRun() -> String {
            let start = position
            while position < bytes.count, XSDLexical.isDigit(bytes[position]) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        /// Exactly `count` digits.
        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard XSDLexical.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += count
            return value
        }

        /// `-?YYYY-MM-DD`, with a valid day for the month; years of more than four digits
        /// may not start with 0 (and may have at most nine).
        mutating func date() -> (Int, Int, Int)? {
            let negative = take("-")
            let yearText = digitRun()
            // Years beyond nine digits are refused rather than risk overflow in instant arithmetic.
            guard yearText.count >= 4, yearText.count <= 9, yearText.count == 4 || !yearText.hasPrefix("0"),
                  let magnitude = Int(yearText)
            else { return nil }
            let year = negative ? -magnitude : magnitude
            guard take("-"), let month = digits(2), take("-"), let day = digits(2) else { return nil }
            guard (1...12).contains(month), day >= 1, day <= DateTimeValue.daysInMonth(year: year, month: month) else { return nil }
            return (year, month, day)
        }

        /// `(Z|±hh:mm)?` as (offset minutes, lexical); nil when malformed.
        mutating func timezone() -> (Int?, String)? {
            if atEnd { return (nil, "") }
            if take("Z") { return (0, "Z") }
            let start = position
            let sign: Int
            if take("+") {
                sign = 1
            } else if take("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = digits(2), take(":"), let minutes = digits(2), minutes <= 59,
                  hours < 14 || (hours == 14 && minutes == 0)
            else { return nil }
            return (sign * (hours * 60 + minutes), String(decoding: bytes[start..<position], as: UTF8.self))
        }
    }
}
