import ArgumentParser
import Foundation

/// Prints an error the way every command does (`grapevine: <message>` on stderr) and exits 1.
///
/// Errors from the modules already name the file, line and column, the subject or the graph,
/// so they are printed as they are.
func fail(_ error: any Error) -> ExitCode {
    if let code = error as? ExitCode { return code }
    if error is CleanExit { return .validationFailure }
    // Thrown from a command's body, a usage error never reaches ArgumentParser's printer: say it here.
    if let usage = error as? ValidationError {
        StandardError.write("grapevine: \(usage.message)\n")
        return .validationFailure
    }
    StandardError.write("grapevine: \(error)\n")
    return .failure
}

/// Runs a command body, turning any error into a clean message and a non-zero exit.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        throw fail(error)
    }
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
