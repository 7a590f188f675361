/// What the hub did with one mail sent to it.
public enum RequestOutcome: Sendable, Equatable, CustomStringConvertible {
    /// A pending subscription, with its confirmation queued in the outbox.
    case confirmationQueued(address: String)
    /// The address is already subscribed: nothing changed (a forged request cannot suspend anyone).
    case alreadySubscribed(address: String)
    case confirmed(address: String)
    case unsubscribed(address: String)
    /// The same message was handled before (reading a mailbox twice does nothing twice).
    case alreadyHandled
    /// Not a request, or a token nobody holds: nothing changed.
    case ignored(reason: String)

    public var description: String {
        switch self {
        case .confirmationQueued(let address): "\(address): subscription pending, confirmation queued"
        case .alreadySubscribed(let address): "\(address): already subscribed, nothing changed"
        case .confirmed(let address): "\(address): subscription confirmed"
        case .unsubscribed(let address): "\(address): unsubscribed"
        case .alreadyHandled: "handled before, nothing changed"
        case .ignored(let reason): "ignored: \(reason)"
        }
    }
}
