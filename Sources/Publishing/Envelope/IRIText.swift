/// A cheap check that text is an absolute IRI, for the envelope's `graph:` and `base:` lines.
///
/// It does not validate IRIs fully (the parser of the body does that for the IRIs inside it); it
/// keeps out what would break the line format or make a graph name ambiguous: no scheme,
/// whitespace, control characters, or the characters IRIs never contain unescaped.
enum IRIText {
    static func isAbsolute(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count,
              isLetter(bytes[0]) else { return false }
        for byte in bytes[1..<colon] where !(isLetter(byte) || isDigit(byte) || "+-.".utf8.contains(byte)) {
            return false
        }
        return !bytes.contains { $0 <= 0x20 || $0 == 0x7F || "<>\"{}|\\^`".utf8.contains($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
