/// Why the hub refused an operator's command or a mailed request. Each case names what it is
/// about (the address, the interest with line and column, the URL), and none leaves anything
/// half done: every refusal comes before the first write.
public enum HubError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A subscriber's address that cannot receive mail.
    case invalidAddress(String, reason: String)
    /// An interest that is neither usable keywords nor a SPARQL pattern binding `?resource`.
    case invalidInterest(String)
    /// A cadence that is not a number and a unit (`12h`, `1d`, `7d`).
    case invalidCadence(String)
    /// A setting outside its range (`--limit 0`, `--scatter 0`).
    case invalidSetting(String)
    /// No subscriber with that address (or token).
    case noSuchSubscriber(String)
    /// A location URL that no description in the store and no hint ever sent mentions.
    case unknownLocation(String)
    /// A time that is not an ISO 8601 date-time.
    case invalidTime(String)

    public var description: String {
        switch self {
        case .invalidAddress(let address, let reason): "\(address.isEmpty ? "empty address" : address): \(reason)"
        case .invalidInterest(let reason): "interest: \(reason)"
        case .invalidCadence(let text): "cadence \"\(text)\": expected a number and a unit: 30m, 12h, 1d, 7d or 2w"
        case .invalidSetting(let reason): reason
        case .noSuchSubscriber(let who): "no subscriber \(who)"
        case .unknownLocation(let url): "\(url): no location in the store or in the exposure log has this URL"
        case .invalidTime(let text): "\"\(text)\" is not an ISO 8601 date-time such as 2026-12-01T18:00:00Z"
        }
    }
}
