import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run with posix_spawn: its standard input and output from given descriptors, a clean
/// signal mask and default signal handling. (Other descriptors are inherited unless opened
/// close-on-exec, as Foundation's and SwiftNIO's are.)
///
/// Not Foundation's `Process`, because that passes on the spawning thread's signal mask, and the
/// threads of Dispatch and Swift's concurrency pool block nearly every signal: a sendmail started
/// from one would ignore SIGTERM and, worse, never see the SIGALRM its own timeouts rely on.
struct ChildProgram {
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    let pid: pid_t

    /// Signals a child should find at their default disposition even if this process ignores them.
    private static let defaultSignals = [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGALRM, SIGCHLD, SIGQUIT]

    /// Starts `program` (a path) with `arguments`, this process's environment, `input` as its
    /// standard input and `output` as both standard output and standard error. Throws the errno.
    static func spawn(_ program: String, arguments: [String], input: Int32, output: Int32) throws -> ChildProgram {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t(), defaults = sigset_t()
        sigemptyset(&mask)
        sigemptyset(&defaults)
        for signal in defaultSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
        }
        return ChildProgram(pid: pid)
    }

    /// Waits until the program ends, or `seconds` pass (nil then; the program still runs).
    func wait(seconds: Double) -> Termination? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return Self.termination(status) }
            if result < 0 && errno != EINTR { return .exited(-1) }
            if Date() >= deadline { return nil }
            usleep(5_000)
        }
    }

    /// SIGTERM, up to `grace` seconds to end, then SIGKILL; reaps the program.
    func stop(grace: Double) {
        kill(pid, SIGTERM)
        if wait(seconds: grace) == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// The W* macros of <sys/wait.h>, which Swift does not import.
    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }
}
