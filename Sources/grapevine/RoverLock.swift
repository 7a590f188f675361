import Foundation

/// One `rover send` per store at a time: an exclusive lock on `<db>.rover-lock`, so two runs (an
/// overlapping cron job, say) cannot both hand the same queued message to the server.
final class RoverLock {
    private let descriptor: Int32

    /// Takes the lock, or throws at once when another run holds it.
    init(database path: String) throws {
        let file = path + ".rover-lock"
        descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RoverLockError(description: "\(file): cannot open: \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw RoverLockError(description: "\(file): another `grapevine rover send` is running on this store")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

struct RoverLockError: Error, CustomStringConvertible {
    let description: String
}
