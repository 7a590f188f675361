import Foundation
import RDF
@testable import RedRover
import Testing

/// The hand-written fast paths of the digest run against the general code they stand in for:
/// they must give the same bytes, or the hub's mails and tables would change with its speed.
@Suite("Red Rover hub: fast paths agree with the general code")
struct HubFastPathTests {
    /// A deterministic generator, so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Instants from 1900 to 9999: random ones, and the edges where calendars go wrong.
    static func instants() -> [Date] {
        var random = SplitMix(state: 42)
        let first = -2_208_988_800.0  // 1900-01-01T00:00:00Z
        let last = 253_402_300_799.0  // 9999-12-31T23:59:59Z
        var dates = (0..<5_000).map { _ in Date(timeIntervalSince1970: Double.random(in: first...last, using: &random).rounded(.down)) }
        for text in ["1900-01-01T00:00:00Z", "1900-02-28T23:59:59Z", "1900-03-01T00:00:00Z", "1969-12-31T23:59:59Z",
                     "1970-01-01T00:00:00Z", "2000-02-29T12:00:00Z", "2000-03-01T00:00:00Z", "2024-02-29T23:59:59Z",
                     "2100-02-28T00:00:00Z", "2100-03-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
            dates.append(try! Date(text, strategy: .iso8601))
        }
        dates.append(Date(timeIntervalSince1970: 1_795_000_000.75))  // a fraction, dropped
        return dates
    }

    @Test("UTC fields, the block's and the tables' timestamps and the readable time match Foundation's calendar")
    func timesMatchFoundation() throws {
        for date in Self.instants() {
            let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
            let c = Self.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
            let fields = try #require(UTCFields(date))
            let mine: [Int] = [fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second]
            let foundations: [Int] = [c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!]
            #expect(mine == foundations, "\(date)")
            #expect(fields.date == whole)
            let iso = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(HintTime.format(date) == iso)
            #expect(HubTime.format(date) == whole.formatted(.iso8601.year().month().day().dateSeparator(.dash)
                .time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted)))
            #expect(HubTime.readable(date) == String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year!, c.month!, c.day!, c.hour!, c.minute!))
        }
        #expect(UTCFields(try Date("1899-12-31T23:59:59Z", strategy: .iso8601)) == nil)
    }

    @Test("expiry times read by hand equal Foundation's reading; anything unusual is left to Foundation")
    func expiriesMatchFoundation() throws {
        for date in Self.instants() {
            let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
            let text = HintTime.format(whole)
            #expect(HubTime.parseCommon(text) == whole, "\(text)")
            #expect(HubTime.parseCommon(String(text.dropLast())) == whole, "no zone is UTC: \(text)")
            let shifted = String(text.dropLast()) + "+05:30"
            #expect(HubTime.parseCommon(shifted) == (try Date(shifted, strategy: .iso8601)), "\(shifted)")
            #expect(HubTime.parseCommon(shifted) == HubTime.parse(shifted))
        }
        for odd in ["2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-06-30T24:00:00Z", "2026-06-30T23:59:60Z",
                    "2026-06-30 12:00:00Z", "2026-06-30T12:00:00.5Z", " 2026-06-30T12:00:00Z", "1899-06-30T12:00:00Z",
                    "2026-06-30T12:00:00+5:30", "2026-o6-30T12:00:00Z"] {
            #expect(HubTime.parseCommon(odd) == nil, "\(odd)")
        }
        // What the fast path leaves alone still reads as before.
        #expect(HubTime.parseXSDDateTime("2026-06-30T12:00:00.5Z") == Date(timeIntervalSince1970: 1_782_820_800.5))
        #expect(HubTime.parseXSDDateTime(" 2026-06-30T12:00:00Z ") == Date(timeIntervalSince1970: 1_782_820_800))
    }

    /// Hints whose titles and IRIs need every kind of escape N-Triples has.
    static let awkwardHints = [
        Hint(resource: "https://catalogue.example.org/r/1", title: "Plain title",
             url: "https://peer.example.org/1.ogg", validUntil: Date(timeIntervalSince1970: 1_900_000_000)),
        Hint(resource: "https://catalogue.example.org/r/2", title: "Quotes \" and \\ backslash,\ttab, line\nbreak, \u{7F}, é, 東京",
             url: "https://peer.example.org/a b<c>{d}|e^f`g\\h", location: "https://catalogue.example.org/l/2",
             validUntil: Date(timeIntervalSince1970: 1_900_000_001)),
        Hint(resource: "https://catalogue.example.org/r/1", title: "Plain title",
             url: "ftp://mirror.example.net/1.ogg", validUntil: Date(timeIntervalSince1970: 1_900_003_600)),
        Hint(resource: "https://catalogue.example.org/r/é", title: "\u{1}control", url: "https://peer.example.org/ü",
             validUntil: Date(timeIntervalSince1970: 1_900_000_002)),
    ]

    @Test("the block's body, written straight into bytes, is the N-Triples of its triples")
    func blockBodyIsItsTriples() {
        let general = Array(HintTriples.triples(Self.awkwardHints).map { $0.ntriples + "\n" }.joined().utf8)
        #expect(HintTriples.render(Self.awkwardHints) == general)
        #expect(HintTriples.render([]) == [])
    }

    @Test("wrapping ASCII on bytes gives the lines wrapping on characters gives")
    func wrappingMatches() {
        var random = SplitMix(state: 7)
        let pieces = ["a", "word", "longer-word", "https://peer.example.org/a/very/long/path/that/cannot/be/broken/at/all/ever.ogg",
                      " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "x"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let width = Int.random(in: 8...80, using: &random)
            #expect(TextWrap.wrap(text, firstPrefix: "12. ", prefix: "    ", width: width)
                    == TextWrap.wrapByCharacters(text, firstPrefix: "12. ", prefix: "    ", width: width), "\(text.debugDescription)")
        }
        // Non-ASCII text goes the general way, counting characters.
        #expect(TextWrap.wrap("échelle égale", width: 8) == ["échelle", "égale"])
    }

    @Test("the armored block is the base64 in lines of 64 between the markers")
    func armor() throws {
        var random = SplitMix(state: 3)
        for count in [0, 1, 2, 3, 47, 48, 49, 500] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            let base64 = Data(bytes).base64EncodedString()
            let lines = stride(from: 0, to: base64.count, by: 64).map { start in
                String(base64.dropFirst(start).prefix(64))
            }
            #expect(HintArmor.armor(bytes) == ([HintArmor.beginLine] + lines + [HintArmor.endLine]).joined(separator: "\n") + "\n")
            if count > 0 { #expect(try HintArmor.blocks(in: HintArmor.armor(bytes)) == [bytes]) }
        }
    }

    @Test("absolute IRIs are recognised on bytes as they were on characters")
    func absoluteIRIs() {
        for good in ["https://example.org/x", "urn:isbn:0451450523", "a+b-c.d:x", "https://例え.jp/ü"] {
            #expect(HintBlock.isAbsoluteIRI(good), "\(good)")
        }
        for bad in ["", ":x", "https:", "1http://x", "ht tp://x", "https://x y", "https://x<y", "https://x\u{7F}", "relative/path",
                    "é://x", "https://x\\y", "https://x^y"] {
            #expect(!HintBlock.isAbsoluteIRI(bad), "\(bad)")
        }
    }
}
