/// Why a well-formed, correctly signed envelope was not stored.
public enum IgnoredBecause: Sendable, Equatable, CustomStringConvertible {
    /// This store already holds the graph at `held`, which is as new or newer.
    case notNewer(held: Int)
    /// The envelope's expiry has passed.
    case expired
    /// The publisher is not among those this peer trusts.
    case untrusted
    /// The graph is another publisher's, an unsigned local description, or a named graph
    /// inside another description.
    case ownedElsewhere(String)

    public var description: String {
        switch self {
        case .notNewer(let held): "version \(held) or newer is already here"
        case .expired: "expired"
        case .untrusted: "publisher not trusted"
        case .ownedElsewhere(let reason): reason
        }
    }
}
