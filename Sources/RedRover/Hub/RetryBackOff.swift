/// How long a message waits after a temporary failure: 30 seconds, doubling with each attempt,
/// never more than an hour, so a server that is down for a day is asked about once an hour
/// and one that blinked is asked again within a minute.
enum RetryBackOff {
    static let first = 30.0
    static let longest = 3_600.0

    /// Seconds to wait after the `attempts`-th failed attempt (1 for the first).
    static func delay(afterAttempts attempts: Int) -> Double {
        let doublings = max(0, min(attempts - 1, 20))
        return min(first * Double(1 << doublings), longest)
    }
}
