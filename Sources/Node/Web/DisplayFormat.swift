import Foundation

/// How numbers and dates read on the page.
enum DisplayFormat {
    /// A byte count in human units (decimal, as file sizes are usually quoted): "7.7 MB".
    static func size(_ bytes: UInt64) -> String {
        if bytes < 1000 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let units = ["kB", "MB", "GB", "TB", "PB", "EB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 999.95 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let digits = value < 9.995 ? 2 : (value < 99.95 ? 1 : 0)
        return String(format: "%.\(digits)f", value) + " " + units[unit]
    }

    /// A count with thousands separators: "12,345".
    static func count(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (number < 0 ? "-" : "") + grouped
    }

    /// An `xsd:dateTime` (or `xsd:date`) as an instant; a time without a zone is taken as UTC.
    static func dateTime(_ lexical: String) -> Date? {
        let text = lexical.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        for suffix in ["Z", "T00:00:00Z"] {
            if let date = try? Date(text + suffix, strategy: .iso8601) { return date }
            if let date = try? Date(text + suffix, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        }
        return nil
    }

    /// An `xsd:dateTime` for reading: "2027-02-24 00:00 UTC"; the lexical form when unreadable.
    static func readableDateTime(_ lexical: String) -> String {
        guard let date = dateTime(lexical) else { return lexical }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        if parts.hour == 0 && parts.minute == 0 { return day }
        return day + String(format: " %02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Milliseconds, for "in 12 ms".
    static func milliseconds(_ seconds: Double) -> String {
        seconds < 0.01 ? String(format: "%.1f ms", seconds * 1000) : "\(Int((seconds * 1000).rounded())) ms"
    }
}
