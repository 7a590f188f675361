/// Red Rover: mailing short-lived content hints to subscribers, and importing them on receipt.
///
/// The hub side selects hints for each subscriber's interest with scattering (each location
/// reaches at most k subscribers), records every exposure, renders a plain-text mail with a
/// signed block, and delivers it through a persistent outbox. The subscriber side verifies the
/// block and imports the hints as a graph of the hub.
public enum RedRover {
    /// The graph a subscriber's store keeps a hub's current hints in.
    public static let hintsGraphPrefix = "urn:grapevine:hints:"
}
