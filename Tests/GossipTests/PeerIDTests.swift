import Publishing
import Testing

@Suite("Peer ids")
struct PeerIDTests {
    @Test("the text form round-trips and is 52 lowercase base32 characters")
    func roundTrip() throws {
        let key = (0..<32).map { UInt8($0 * 7 & 0xFF) }
        let id = try #require(PeerID(publicKey: key))
        #expect(id.description.count == 52)
        #expect(id.description == id.description.lowercased())
        #expect(PeerID(id.description) == id)
        #expect(PeerID(id.description.uppercased()) == id)
    }

    @Test("malformed ids are refused")
    func refused() {
        #expect(PeerID("") == nil)
        #expect(PeerID(String(repeating: "a", count: 51)) == nil)
        #expect(PeerID(String(repeating: "1", count: 52)) == nil)
        // 52 characters carry 260 bits; the last 4 must be zero.
        #expect(PeerID(String(repeating: "a", count: 51) + "b") == nil)
        #expect(PeerID(publicKey: [1, 2, 3]) == nil)
    }
}
