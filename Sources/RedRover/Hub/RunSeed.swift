/// The randomness of one digest run, from one seed: which subscriber goes first and which of
/// equally exposed locations is offered first. A fixed seed makes a run repeatable (tests); a
/// fresh one per run rotates locations between runs.
struct RunSeed: Sendable {
    let value: UInt64

    init(_ value: UInt64) {
        self.value = value
    }

    static func random() -> RunSeed {
        RunSeed(UInt64.random(in: 0...UInt64.max))
    }

    /// A well-mixed number for `text` (and `salt`) under this seed (FNV-1a, then SplitMix64's
    /// finaliser): stable within a run, unrelated between seeds and between salts.
    func rank(_ text: String, salt: Int64 = 0) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ value ^ Self.mix(UInt64(bitPattern: salt))
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Self.mix(hash)
    }

    func rank(_ number: Int64) -> UInt64 {
        Self.mix(value ^ UInt64(bitPattern: number) &* 0x9e37_79b9_7f4a_7c15)
    }

    private static func mix(_ input: UInt64) -> UInt64 {
        var z = input &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
