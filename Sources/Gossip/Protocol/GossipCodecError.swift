/// Why a byte sequence is not a gossip message, and where the decoder noticed.
public struct GossipCodecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Offset of the first byte that could not be accepted (the message's size for a missing tail).
    public var offset: Int
    public var problem: String

    public init(offset: Int, problem: String) {
        self.offset = offset
        self.problem = problem
    }

    public var description: String { "byte \(offset): \(problem)" }
}
