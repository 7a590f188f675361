import RDF

/// Reads SPARQL 1.1 Query Results TSV into a `QueryResult`.
///
/// The header holds `?name` (or `$name`) variables; each field below is empty (unbound) or one
/// term in Turtle syntax: `<iri>`, `_:label`, a quoted literal (`"…"`, `'…'` or their long
/// forms) with escapes and an optional `@lang` or `^^<datatype>`, a bare integer, decimal or
/// double, or `true`/`false`. Lines may end in LF or CRLF; spaces around a field are ignored.
/// A one-column table `?_askResult` holding `true` or `false` is read as an ASK result.
public enum TSVResultParser {
    public static func parse(_ text: String) throws -> QueryResult {
        // Split on scalars: as Characters, "\r\n" is one grapheme and would not split on "\n".
        var lines: [Substring] = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return line.utf8.last == UInt8(ascii: "\r") ? Substring(line.utf8.dropLast()) : line
        }
        // A final line break ends the last line; it does not start another.
        if text.utf8.last == UInt8(ascii: "\n") { lines.removeLast() }
        guard let header = lines.first else { throw ResultFormatError(.malformed, "empty TSV: no header line") }
        var variables: [Variable] = []
        if !header.allSatisfy({ $0 == " " }) {
            for field in header.split(separator: "\t", omittingEmptySubsequences: false) {
                let name = field.trimmingSpaces()
                guard let sigil = name.first, sigil == "?" || sigil == "$", name.count > 1 else {
                    throw ResultFormatError(.malformed, "header field \"\(name)\" is not a variable (?name)", line: 1)
                }
                variables.append(Variable(String(name.dropFirst())))
            }
        }
        let body = lines.dropFirst()
        if variables.map(\.name) == ["_askResult"], body.count == 1,
           let value = body.first.map({ String($0.trimmingSpaces()) }), value == "true" || value == "false" {
            return .boolean(value == "true")
        }
        var rows: [[Term?]] = []
        rows.reserveCapacity(body.count)
        for (offset, line) in body.enumerated() {
            let number = offset + 2
            if variables.isEmpty {
                rows.append([])
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count <= variables.count else {
                throw ResultFormatError(.malformed, "\(fields.count) fields for \(variables.count) variables", line: number)
            }
            var row: [Term?] = []
            row.reserveCapacity(variables.count)
            for field in fields {
                let value = field.trimmingSpaces()
                if value.isEmpty {
                    row.append(nil)
                    continue
                }
                do {
                    row.append(try TurtleTermReader.read(value))
                } catch let error as ResultFormatError {
                    throw ResultFormatError(.malformed, error.message, line: number)
                }
            }
            row += Array(repeating: nil, count: variables.count - row.count)
            rows.append(row)
        }
        return .solutions(SolutionTable(variables: variables, rows: rows))
    }
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}
