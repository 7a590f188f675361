import Gossip
import Publishing

/// A peer id whose key is `seed` repeated: distinct, readable in failures, no crypto needed.
func testID(_ seed: UInt8) -> PeerID {
    guard let id = PeerID(publicKey: [UInt8](repeating: seed, count: 32)) else { preconditionFailure("32 bytes make an id") }
    return id
}

func testRecord(_ seed: UInt8, address: String? = nil) -> PeerRecord {
    PeerRecord(id: testID(seed), address: address ?? "sim://test-\(seed)")
}

/// Runs rounds until `done` holds, at most `limit`; returns the rounds run, or nil if it never held.
func roundsUntil(_ network: inout SimulatedNetwork, limit: Int, _ done: (SimulatedNetwork) async -> Bool) async -> Int? {
    for round in 1...limit {
        await network.runRound()
        if await done(network) { return round }
    }
    return nil
}

/// Whether every live node holds `graph` of `publisher` at `version` (or any version if nil).
func everyLiveNode(of network: SimulatedNetwork, holds graph: UInt32, by publisher: PeerID, version: UInt64? = nil) async -> Bool {
    for node in network.liveNodes {
        let held = await node.repository.liveVersion(of: graph, by: publisher)
        if held == nil || (version != nil && held != version) { return false }
    }
    return true
}
