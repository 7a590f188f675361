/// How an exchange reaches a partner: HTTP between processes, direct calls in the simulation.
///
/// Partners are named by address, because a peer given on the command line (`--peer URL`) has
/// no known id until it first answers. A transport throws when the partner cannot be reached or
/// answers with an error; the protocol core turns that into suspicion of the partner.
public protocol GossipTransport: Sendable {
    func exchange(_ request: ExchangeRequest, with address: String) async throws -> ExchangeResponse
    /// Returns what the partner made of the envelopes.
    func push(_ request: PushRequest, to address: String) async throws -> AcceptReport
}
