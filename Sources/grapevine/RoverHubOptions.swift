import ArgumentParser
import Foundation
import Mail
import Node
import RedRover

/// Who the hub is: `--from` (or GRAPEVINE_ROVER_FROM), `--hub-name`, `--scatter`, each falling
/// back to the configuration file's `rover:` settings.
struct RoverHubOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The hub's address: From of every mail, where requests are sent.",
                               discussion: "e.g. 'Red Rover <hub@example.org>'. Default: $GRAPEVINE_ROVER_FROM, else rover.from of --config."))
    var from: String?

    @Option(name: .customLong("hub-name"), help: "The name in subjects and List-Id (default: rover.hub_name of --config, else the address's display name).")
    var hubName: String?

    @Option(help: "Tell each location to at most this many subscribers (default: rover.scatter of --config, else \(HubSettings.defaultScatter)).")
    var scatter: Int?

    /// The settings from the options, the environment and then `file`.
    func settings(_ file: RoverConfiguration = RoverConfiguration()) throws -> HubSettings {
        let address: MailAddress
        if let text = from ?? ProcessEnvironment.value("GRAPEVINE_ROVER_FROM") {
            address = try MailAddress(parsing: text)
        } else if let configured = file.from {
            address = configured
        } else {
            throw ValidationError("the hub needs an address: give --from ADDRESS, set GRAPEVINE_ROVER_FROM, or set rover.from in --config FILE")
        }
        return try HubSettings(address: address, name: hubName ?? file.hubName, scatter: scatter ?? file.scatter ?? HubSettings.defaultScatter)
    }
}
