import ArgumentParser
import Foundation
import Mail
import RedRover

/// Who the hub is: `--from` (or GRAPEVINE_ROVER_FROM), `--hub-name`, `--scatter`.
struct RoverHubOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The hub's address: From of every mail, where requests are sent.",
                               discussion: "e.g. 'Red Rover <hub@example.org>'. Default: $GRAPEVINE_ROVER_FROM."))
    var from: String?

    @Option(name: .customLong("hub-name"), help: "The name in subjects and List-Id (default: --from's display name).")
    var hubName: String?

    @Option(help: "Tell each location to at most this many subscribers.")
    var scatter: Int = HubSettings.defaultScatter

    func settings() throws -> HubSettings {
        guard let text = from ?? ProcessInfo.processInfo.environment["GRAPEVINE_ROVER_FROM"], !text.isEmpty else {
            throw ValidationError("the hub needs an address: give --from ADDRESS or set GRAPEVINE_ROVER_FROM")
        }
        return try HubSettings(address: try MailAddress(parsing: text), name: hubName, scatter: scatter)
    }
}
