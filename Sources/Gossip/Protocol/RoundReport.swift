/// What one round of anti-entropy did, for logs, tests and the simulation.
public struct RoundReport: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// No peer could be contacted (none known, or all dead and backing off, or banned).
        case idle
        /// Both halves of the exchange went through.
        case exchanged
        /// The partner could not be reached or answered wrongly; it is now suspected.
        case partnerFailed(String)
        /// This peer's own repository failed; the partner is not blamed.
        case localFailure(String)
    }

    public var round: UInt64
    public var partner: String?
    public var outcome: Outcome
    /// What this peer made of the partner's answer.
    public var pulled = AcceptReport()
    /// Envelopes pushed to the partner.
    public var pushed = 0
    /// What the partner made of them.
    public var pushAnswer: AcceptReport?

    public init(round: UInt64, partner: String?, outcome: Outcome) {
        self.round = round
        self.partner = partner
        self.outcome = outcome
    }
}
