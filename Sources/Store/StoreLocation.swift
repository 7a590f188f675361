import Foundation

/// Where the store lives when no `--db` is given.
///
/// Follows the XDG base-directory convention (`$XDG_DATA_HOME/grapevine/grapevine.sqlite`, else
/// `~/.local/share/grapevine/grapevine.sqlite`), so a user's catalogue survives across working
/// directories and is easy to find and back up. `GRAPEVINE_DB` overrides it for scripts.
public enum StoreLocation {
    public static let environmentVariable = "GRAPEVINE_DB"

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment[environmentVariable], !explicit.isEmpty { return explicit }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/grapevine/grapevine.sqlite"
    }
}
