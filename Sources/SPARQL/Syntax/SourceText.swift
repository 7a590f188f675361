/// A query's text as Unicode scalars, after SPARQL's codepoint escape step (§19.2): every `\uXXXX`
/// and `\UXXXXXXXX` is replaced by its character before tokenizing, anywhere in the text. Each
/// scalar keeps the line and column where it was written, so errors point into the original text.
///
/// The text is decoded in one pass, so a `\` produced by an escape never starts another escape
/// (`\u005cu0031` is `\u0031` as written, not `1`).
struct SourceText {
    private(set) var scalars: [Unicode.Scalar] = []
    private var lines: [Int32] = []
    private var columns: [Int32] = []
    /// Where the text ends (for "unexpected end of query").
    private(set) var endPosition: (line: Int, column: Int) = (1, 1)

    init(_ text: String) throws(SPARQLSyntaxError) {
        let input = Array(text.unicodeScalars)
        scalars.reserveCapacity(input.count)
        lines.reserveCapacity(input.count)
        columns.reserveCapacity(input.count)
        var line: Int32 = 1
        var column: Int32 = 1
        var i = 0
        while i < input.count {
            let c = input[i]
            let startLine = line, startColumn = column
            var decoded = c
            var length = 1
            if c == "\\", i + 1 < input.count, input[i + 1] == "u" || input[i + 1] == "U" {
                let digits = input[i + 1] == "u" ? 4 : 8
                if let value = Self.hex(input, from: i + 2, count: digits) {
                    length = 2 + digits
                    var scalar = Unicode.Scalar(value)
                    // A UTF-16 surrogate pair written as two \u escapes is one character.
                    if scalar == nil, (0xD800...0xDBFF).contains(value), i + length + 5 < input.count,
                       input[i + length] == "\\", input[i + length + 1] == "u",
                       let low = Self.hex(input, from: i + length + 2, count: 4), (0xDC00...0xDFFF).contains(low) {
                        scalar = Unicode.Scalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))
                        length += 6
                    }
                    guard let scalar else {
                        let shown = String(input[i..<(i + length)].map(Character.init))
                        throw SPARQLSyntaxError(message: "\(shown) is not a valid codepoint", line: Int(line), column: Int(column))
                    }
                    decoded = scalar
                }
            }
            scalars.append(decoded)
            lines.append(startLine)
            columns.append(startColumn)
            // Advance the position over what was written.
            for k in i..<(i + length) {
                let w = input[k]
                if w == "\n" {
                    line += 1
                    column = 1
                } else if w == "\r" {
                    if k + 1 < input.count && input[k + 1] == "\n" {
                        column += 1   // the \n that follows moves to the next line
                    } else {
                        line += 1
                        column = 1
                    }
                } else {
                    column += 1
                }
            }
            i += length
        }
        endPosition = (Int(line), Int(column))
    }

    private static func hex(_ input: [Unicode.Scalar], from start: Int, count: Int) -> UInt32? {
        guard start + count <= input.count else { return nil }
        var value: UInt32 = 0
        for k in start..<(start + count) {
            guard let digit = Self.hexValue(input[k]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: c.value - 0x30
        case 0x41...0x46: c.value - 0x41 + 10
        case 0x61...0x66: c.value - 0x61 + 10
        default: nil
        }
    }

    var count: Int { scalars.count }

    subscript(_ index: Int) -> Unicode.Scalar { scalars[index] }

    /// The scalar at `index`, or nil past the end.
    func at(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func position(_ index: Int) -> (line: Int, column: Int) {
        index < scalars.count ? (Int(lines[index]), Int(columns[index])) : endPosition
    }
}
