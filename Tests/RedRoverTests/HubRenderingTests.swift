import Foundation
import Mail
import Publishing
@testable import RedRover
import Testing

@Suite("Red Rover hub: the hints mail")
struct HubRenderingTests {
    static let longTitle = "Field recordings of the Danube delta at dawn, with the herons, the frogs and the ferry to Sulina — complete"

    /// Queues one digest for ann and reads it back as a mail client would.
    static func queuedMail(_ hub: HubFixture) throws -> (mail: ReceivedMail, bytes: Data) {
        var resources = HubFixture.catalogue(resources: 11, locationsEach: 1)
        resources[0].title = longTitle
        try hub.publish(resources)
        try hub.book.subscribe("ann@reader.example.net", interest: Interest("?resource a gv:Resource"), limit: 11, now: HubFixture.now)
        let report = try hub.run.queueDue(now: HubFixture.now, seed: 2)
        #expect(report.digests.count == 1)
        let entry = try #require(try hub.outbox.entries([.queued]).first)
        let bytes = try #require(try hub.outbox.bytes(of: entry.id))
        return (try ReceivedMail(data: bytes, source: "outbox \(entry.id)"), bytes)
    }

    @Test("plain text of at most 72 columns: a numbered list of titles, links and expiry times")
    func text() throws {
        let hub = try HubFixture()
        let (mail, _) = try Self.queuedMail(hub)
        #expect(mail.textParts.count == 1)
        let text = mail.text
        let readable = try #require(text.components(separatedBy: HintBlock.beginLine).first)
        for line in readable.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 72, "too long: \(line)")
        }
        let lines = readable.split(separator: "\n").map(String.init)
        #expect(lines.first == "Hello,")
        // Eleven entries, numbered in order; the long title wrapped under its number.
        for number in 1...11 {
            #expect(lines.contains { $0.hasPrefix("\(number). ") })
        }
        #expect(lines.contains { $0.hasPrefix("10. Recording number") || $0.hasPrefix("10. Field recordings") })
        let titleStart = try #require(lines.firstIndex { $0.contains("Field recordings of the Danube") })
        #expect(lines[titleStart + 1].hasPrefix("   ") || lines[titleStart + 1].hasPrefix("    "))
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "https://peer-0.example.org/r/0.ogg" })
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("until 2026-11-20 ") && $0.hasSuffix(" UTC") })
        #expect(text.contains(HintBlock.endLine))
    }

    @Test("the standard headers, List-Id and List-Unsubscribe, and one text/plain part in UTF-8")
    func headers() throws {
        let hub = try HubFixture()
        let (mail, bytes) = try Self.queuedMail(hub)
        // The header block as sent, unfolded, by lower-cased name.
        let head = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
            .replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        var fields: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        for name in ["Date", "Message-ID", "From", "To", "Subject", "MIME-Version", "Content-Type", "List-Id", "List-Unsubscribe"] {
            #expect(fields[name.lowercased()] != nil, "no \(name) header")
        }
        #expect(fields["content-type"]?.lowercased().replacingOccurrences(of: " ", with: "") == "text/plain;charset=utf-8")
        #expect(mail.subject == "11 new hints from Red Rover")
        #expect(mail.from.first?.address == "hub@hints.example.org")
        #expect(mail.to.map(\.address) == ["ann@reader.example.net"])
        let token = try #require(try hub.book.subscriber("ann@reader.example.net")?.token)
        #expect(mail.header("List-Unsubscribe") == "<mailto:hub@hints.example.org?subject=unsubscribe%20\(token)>")
        // As sent, List-Unsubscribe must be the bare URL: clients do not decode RFC 2047 words in it.
        #expect(fields["list-unsubscribe"] == "<mailto:hub@hints.example.org?subject=unsubscribe%20\(token)>")
        #expect(!String(decoding: bytes, as: UTF8.self).lowercased().contains("content-disposition: attachment"))
    }

    @Test("the signed block carries the same hints, signed by the hub")
    func block() throws {
        let hub = try HubFixture()
        let (mail, _) = try Self.queuedMail(hub)
        let blocks = try HintBlock.blocks(in: mail.text, trusting: [hub.identity.id])
        #expect(blocks.count == 1)
        let told = try hub.exposures().map(\.url)
        #expect(Set(blocks[0].hints.map(\.url)) == Set(told))
        #expect(blocks[0].hints.first { $0.url == "https://peer-0.example.org/r/0.ogg" }?.title == Self.longTitle)
    }

    @Test("wrapping keeps words whole and a word longer than the line on a line of its own")
    func wrapping() {
        let lines = TextWrap.wrap("a " + String(repeating: "x", count: 80) + " b c", firstPrefix: "1. ", prefix: "   ", width: 20)
        #expect(lines == ["1. a", "   " + String(repeating: "x", count: 80), "   b c"])
        #expect(TextWrap.wrap("short", firstPrefix: "1. ", prefix: "   ") == ["1. short"])
    }
}
