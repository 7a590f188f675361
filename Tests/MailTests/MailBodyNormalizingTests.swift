import Foundation
@testable import Mail
import Testing

/// The one-pass line-end normalisation of a body against the two Foundation replacements and
/// the line split it replaced: same bytes, same choice of 7bit.
@Suite("Mail rendering: body line ends")
struct MailBodyNormalizingTests {
    /// As the body was prepared before: CRLF, then lone CR, to LF; a final line end; 7bit when
    /// ASCII with no line over the limit.
    static func reference(_ body: String) -> (bytes: [UInt8], plain: Bool) {
        var text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if !text.hasSuffix("\n") { text += "\n" }
        let plain = text.utf8.allSatisfy { $0 < 0x80 }
            && text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= MailMessage.longestPlainLine }
        return (Array(text.utf8), plain)
    }

    @Test("random bodies of CR, LF, CRLF, long lines and non-ASCII normalise as before")
    func matchesReference() {
        var seed: UInt64 = 12_345  // fixed, so a failure reproduces
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        let pieces = ["\r", "\n", "\r\n", "\n\r", "a", "word ", String(repeating: "x", count: 78), String(repeating: "y", count: 79),
                      "é", "東", "\t", ""]
        for _ in 0..<3_000 {
            let body = (0..<Int(next() % 30)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
            let normalized = MailMessage.normalizedBody(body)
            let expected = Self.reference(body)
            #expect(normalized.bytes == expected.bytes, "\(body.debugDescription)")
            #expect(normalized.plain == expected.plain, "\(body.debugDescription)")
        }
        #expect(MailMessage.normalizedBody("").bytes == [0x0A])
        #expect(MailMessage.normalizedBody("a\r\r\nb").bytes == Array("a\n\nb\n".utf8))
    }
}
