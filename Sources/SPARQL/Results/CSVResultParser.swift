import RDF

/// Reads SPARQL 1.1 Query Results CSV into a `QueryResult`.
///
/// CSV keeps only strings, so terms are reconstructed by guessing, and the result is only good
/// for comparisons that allow for it (`ResultComparison.Mode.lenientLexical`):
/// - an unquoted empty field is unbound; a quoted empty field (`""`) is the empty string;
/// - `_:label` is a blank node;
/// - with `recognizeIRIs`, a value that looks like an absolute IRI (a scheme, `:`, and no
///   spaces or characters IRIs cannot hold) is an IRI;
/// - anything else is a simple literal (numbers included: their type is gone).
///
/// Records follow RFC 4180 (quoted fields may hold commas, quotes doubled and line breaks);
/// lines may end in CRLF or LF. A one-column table `_askResult` holding `true` or `false` is
/// read as an ASK result, the shape `CSVResultWriter` gives booleans.
public enum CSVResultParser {
    public static func parse(_ text: String, recognizeIRIs: Bool = true) throws -> QueryResult {
        let records = try self.records(text)
        guard let header = records.first else { throw ResultFormatError(.malformed, "empty CSV: no header line") }
        let variables = header.fields.count == 1 && header.fields[0].value.isEmpty && !header.fields[0].quoted
            ? [] : header.fields.map { Variable($0.value) }
        let body = records.dropFirst()
        if variables.map(\.name) == ["_askResult"], body.count == 1,
           let value = body.first?.fields.first?.value, value == "true" || value == "false" {
            return .boolean(value == "true")
        }
        var rows: [[Term?]] = []
        rows.reserveCapacity(body.count)
        for record in body {
            if variables.isEmpty {
                rows.append([])
                continue
            }
            guard record.fields.count <= variables.count else {
                throw ResultFormatError(.malformed, "\(record.fields.count) fields for \(variables.count) variables", line: record.line)
            }
            var row: [Term?] = record.fields.map { term($0.value, quoted: $0.quoted, recognizeIRIs: recognizeIRIs) }
            row += Array(repeating: nil, count: variables.count - row.count)
            rows.append(row)
        }
        return .solutions(SolutionTable(variables: variables, rows: rows))
    }

    static func term(_ value: String, quoted: Bool, recognizeIRIs: Bool) -> Term? {
        if value.isEmpty { return quoted ? .literal("") : nil }
        if value.hasPrefix("_:"), value.count > 2 { return .blank(String(value.dropFirst(2))) }
        if recognizeIRIs, looksLikeIRI(value) { return .iri(value) }
        return .literal(value)
    }

    /// `scheme:rest` with an RFC 3986 scheme and nothing IRIs cannot hold (spaces, controls, `<>"{}|^`\`).
    static func looksLikeIRI(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":"), colon != value.startIndex else { return false }
        let scheme = value[..<colon].unicodeScalars
        guard let first = scheme.first, first.isASCIILetter,
              scheme.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return false }
        let rest = value[value.index(after: colon)...]
        guard !rest.isEmpty else { return false }
        return !rest.unicodeScalars.contains { $0.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains($0) }
    }

    struct Field {
        var value: String
        var quoted: Bool
    }

    struct Record {
        var fields: [Field]
        /// 1-based line the record starts on.
        var line: Int
    }

    /// Splits RFC 4180 text into records. Every line break outside quotes ends a record, so an
    /// empty line is a record of one empty field; text after the last line break, if any, is
    /// the last record.
    static func records(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [Field] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var fieldStarted = false

        func endField() {
            fields.append(Field(value: String(field), quoted: quoted))
            field = String.UnicodeScalarView()
            quoted = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            records.append(Record(fields: fields, line: recordLine))
            fields = []
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where !fieldStarted:
                inQuotes = true
                quoted = true
                fieldStarted = true
            case ",":
                endField()
            case "\r":
                let next = scalars.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if quoted {
                    throw ResultFormatError(.malformed, "text after a closing quote", line: line)
                }
                field.append(scalar)
                fieldStarted = true
            }
        }
        if inQuotes { throw ResultFormatError(.malformed, "unterminated quoted field", line: recordLine) }
        if fieldStarted || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
