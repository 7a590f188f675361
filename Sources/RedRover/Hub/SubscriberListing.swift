/// A subscriber as `rover list` shows them: with the number of hints they have been told.
public struct SubscriberListing: Sendable, Hashable {
    public let subscriber: Subscriber
    public let hintsExposed: Int
}
