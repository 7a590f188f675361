import Foundation
import Testing

@Suite("Bad input: one clear message, non-zero exit, the store unchanged", .serialized)
struct BadInputTests {
    /// file, what the message must contain (file:line[:column] where the syntax has them)
    static let cases: [(String, String)] = [
        ("malformed/syntax-error.ttl", "syntax-error.ttl:7"),
        ("malformed/bad-iri.nt", "bad-iri.nt:3:"),
        ("malformed/not-utf8.ttl", "not-utf8.ttl:5:23"),
        ("malformed/unterminated.rdf", "unterminated.rdf"),
        ("malformed/unknown.xyz", "--syntax"),
        ("malformed/missing-title.ttl", "a resource needs a title"),
        ("malformed/relative-location.ttl", "gv:url"),
        ("does-not-exist.ttl", "No such file"),
    ]

    @Test(arguments: cases)
    func badFileLeavesTheStoreByteForByte(file: String, message: String) throws {
        let workspace = try Workspace()
        #expect(try grapevine(["publish", "--db", workspace.db, sample("publishers/tarn-software.ttl")]).status == 0)
        let before = try workspace.dump()
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: workspace.db))
        let result = try grapevine(["publish", "--db", workspace.db, sample(file)])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").first?.hasPrefix("grapevine: ") == true)
        #expect(try workspace.dump() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.db)) == bytesBefore)
    }

    @Test func anUnknownSyntaxNameIsAUsageError() throws {
        let result = try grapevine(["publish", "--syntax", "klingon", sample("publishers/civic-data.nt")])
        #expect(result.status == 64)
        #expect(result.stderr.contains("klingon"))
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let workspace = try Workspace()
        let result = try grapevine(["publish", "--db", workspace.db, "--max-size", "1000", sample("publishers/civic-data.nt")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("over the limit of 1000 bytes"), "\(result.stderr)")
    }

    @Test func oneBadFileAmongSeveralPublishesNone() throws {
        let workspace = try Workspace()
        #expect(try grapevine(["publish", "--db", workspace.db, sample("publishers/tarn-software.ttl")]).status == 0)
        let before = try workspace.dump()
        let result = try grapevine(["publish", "--db", workspace.db, sample("publishers/civic-data.nt"), sample("malformed/bad-iri.nt")])
        #expect(result.status != 0)
        #expect(try workspace.dump() == before)
    }
}
