import Foundation

/// The environment variables that stand for options (GRAPEVINE_ROVER_FROM, GRAPEVINE_SMTP_URL).
enum ProcessEnvironment {
    /// The variable's value; nil when it is unset or empty (an empty one stands for nothing, so
    /// it can switch a variable off for one command).
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
