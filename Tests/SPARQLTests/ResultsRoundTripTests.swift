import Foundation
import RDF
import Testing
@testable import SPARQL

@Suite("Results: round trips")
struct ResultsRoundTripTests {
    typealias F = ResultsFixture

    /// The formats that keep every term exactly.
    static let lossless: [ResultFormat] = [.json, .xml, .tsv]

    @Test(arguments: lossless)
    func awkwardTableSurvives(_ format: ResultFormat) throws {
        var table = F.awkward
        if format == .xml {
            // XML 1.0 cannot carry C0 controls other than tab and line breaks; the fixture has none.
            #expect(!table.rows.joined().contains { $0?.literalValue?.lexical.unicodeScalars.contains { $0.value < 0x09 } == true })
        }
        let back = try F.roundTrip(.solutions(table), format)
        // Exactly the same table, labels and order included.
        let text = try format.serialize(.solutions(table))
        #expect(back == .solutions(table), "\(text)")
        table.rows = []
        #expect(try F.roundTrip(.solutions(table), format) == .solutions(table))
    }

    @Test(arguments: lossless)
    func controlCharactersInJSONAndTSV(_ format: ResultFormat) throws {
        guard format != .xml else { return }
        let table = SolutionTable(variables: F.v("x"), rows: [[.literal("\u{01}\u{08}\u{0C}\u{1F}\u{7F}\u{2028}")]])
        #expect(try F.roundTrip(.solutions(table), format) == .solutions(table))
    }

    @Test func xmlReplacesWhatXMLCannotHold() throws {
        let table = SolutionTable(variables: F.v("x"), rows: [[.literal("a\u{01}b")]])
        let back = try F.roundTrip(.solutions(table), .xml)
        #expect(back == .solutions(SolutionTable(variables: F.v("x"), rows: [[.literal("a\u{FFFD}b")]])))
    }

    @Test func csvRoundTripIsLenientlyEquivalent() throws {
        let result = QueryResult.solutions(F.awkward)
        let back = try F.roundTrip(result, .csv)
        #expect(ResultComparison.equivalent(expected: back, actual: result, ordered: true, mode: .lenientLexical))
        #expect(!ResultComparison.equivalent(expected: back, actual: result, ordered: true))
        // What CSV keeps exactly: strings (even with quotes, commas and line breaks) and unbound.
        guard case .solutions(let table) = back else { Issue.record("not solutions"); return }
        #expect(table.rows[2][1] == .literal("say \"hi\",\nthen\tleave\r\n"))
        #expect(table.rows[5] == [nil, .literal(""), .literal("true")])
        #expect(table.rows[6][2] == .literal(" padded "))
        #expect(table.rows[8] == [nil, nil, nil])
    }

    @Test(arguments: [ResultFormat.json, .xml, .csv, .tsv])
    func booleans(_ format: ResultFormat) throws {
        #expect(try F.roundTrip(.boolean(true), format) == .boolean(true))
        #expect(try F.roundTrip(.boolean(false), format) == .boolean(false))
    }

    @Test(arguments: [ResultFormat.json, .xml, .csv, .tsv])
    func noVariables(_ format: ResultFormat) throws {
        // SELECT * {} has one solution binding nothing; a failed match has none.
        for rows in [[[Term?]](), [[]], [[], []]] {
            let result = QueryResult.solutions(SolutionTable(variables: [], rows: rows))
            #expect(try F.roundTrip(result, format) == result, "\(format) \(rows.count)")
        }
    }

    @Test(arguments: [ResultFormat.json, .xml, .csv, .tsv])
    func allUnboundRows(_ format: ResultFormat) throws {
        let result = QueryResult.solutions(SolutionTable(variables: F.v("a", "b"), rows: [[nil, nil], [F.iri("x"), nil], [nil, nil]]))
        #expect(try F.roundTrip(result, format) == result)
    }

    /// Every .srx and .srj file of the W3C SPARQL 1.1 suite parses, and survives being written
    /// and read again in every result format (exactly in the lossless ones, leniently in CSV).
    @Test func w3cResultFilesSurviveEveryFormat() throws {
        let files = F.w3cFiles(extensions: ["srx", "srj"])
        #expect(files.count > 100, "the W3C suite is at \(F.w3c.path)")
        var failures: [String] = []
        for file in files {
            let result: QueryResult
            do {
                result = try ResultParser.parse(contentsOf: file)
            } catch {
                failures.append("\(file.lastPathComponent): \(error)")
                continue
            }
            for format in Self.lossless + [.csv] {
                do {
                    let back = try F.roundTrip(result, format)
                    if format == .csv {
                        if !ResultComparison.equivalent(expected: back, actual: result, ordered: true, mode: .lenientLexical) {
                            failures.append("\(file.lastPathComponent) via csv: " + ResultComparison.differences(expected: back, actual: result, ordered: true, mode: .lenientLexical).joined(separator: "; "))
                        }
                    } else if back != result {
                        failures.append("\(file.lastPathComponent) via \(format): " + ResultComparison.differences(expected: result, actual: back, ordered: true).joined(separator: "; "))
                    }
                } catch {
                    failures.append("\(file.lastPathComponent) via \(format): \(error)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
