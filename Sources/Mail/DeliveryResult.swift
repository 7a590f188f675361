/// What became of one message handed to a ``MailDelivery``.
///
/// The outbox above decides by the kind: keep and retry a temporary failure, give up on a
/// permanent one. Permanent is only said when this message to these recipients can never go
/// through — the server refused the sender, a recipient or the content with a 5xx, or an address
/// is malformed. Anything that is about the set-up rather than the message (server down, refused
/// login, TLS trouble, a missing sendmail program) is temporary, so that fixing the set-up lets
/// the waiting mail go out instead of losing it.
public enum DeliveryResult: Sendable, Equatable, CustomStringConvertible {
    case delivered
    /// Try again later; the reason says what went wrong (with the server's reply when there was one).
    case temporaryFailure(String)
    /// Do not try again.
    case permanentFailure(String)

    public var isDelivered: Bool { self == .delivered }

    public var isTemporaryFailure: Bool {
        if case .temporaryFailure = self { return true }
        return false
    }

    public var isPermanentFailure: Bool {
        if case .permanentFailure = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .delivered: "delivered"
        case .temporaryFailure(let reason): "temporary failure: \(reason)"
        case .permanentFailure(let reason): "permanent failure: \(reason)"
        }
    }
}
