/// Checks that a byte stream is well-formed UTF-8, chunk by chunk, and tracks line and column.
///
/// Raptor's Turtle and N-Triples readers pass malformed UTF-8 through into literals, which would
/// then poison the store and every peer it is gossiped to; this check stops it at the door with
/// the exact position (line and column in characters, as editors count them).
struct UTF8Validator {
    private(set) var line = 1
    private(set) var column = 1
    private var pending = 0
    private var minimumNext: UInt8 = 0x80
    private var maximumNext: UInt8 = 0xBF
    private var startColumn = 1
    private var leadByte: UInt8 = 0

    /// Consumes one chunk; returns the position of the first bad byte, if any.
    mutating func consume(_ bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int, byte: UInt8)? {
        for byte in bytes {
            if pending > 0 {
                guard byte >= minimumNext && byte <= maximumNext else {
                    return (line, startColumn, leadByte)
                }
                minimumNext = 0x80
                maximumNext = 0xBF
                pending -= 1
                if pending == 0 { column += 1 }
                continue
            }
            switch byte {
            case 0x0A:
                line += 1
                column = 1
            case 0x00...0x7F:
                column += 1
            case 0xC2...0xDF:
                begin(1)
            case 0xE0:
                begin(2, min: 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF:
                begin(2)
            case 0xED:
                begin(2, max: 0x9F)
            case 0xF0:
                begin(3, min: 0x90)
            case 0xF1...0xF3:
                begin(3)
            case 0xF4:
                begin(3, max: 0x8F)
            default:
                return (line, column, byte)
            }
            if pending > 0 { leadByte = byte }
        }
        return nil
    }

    /// Whether the stream ended in the middle of a character.
    var isTruncated: Bool { pending > 0 }

    private mutating func begin(_ continuation: Int, min: UInt8 = 0x80, max: UInt8 = 0xBF) {
        pending = continuation
        minimumNext = min
        maximumNext = max
        startColumn = column
    }
}
