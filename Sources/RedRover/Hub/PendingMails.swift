import Dispatch
import Foundation
import Mail

/// One batch of hints mails being signed and written in the background, on every core, while
/// the digest run's thread goes on with the store (writing the batch before, choosing the next).
final class PendingMails: Sendable {
    /// A subscriber served in this batch and the hints chosen for them.
    typealias Choice = (subscriber: Subscriber, hints: [Hint])
    /// The mail for a choice, and its bytes unless the run is a dry one.
    typealias Mail = (message: MailMessage, bytes: Data?)

    let choices: [Choice]
    private let done = DispatchGroup()
    private let outcome = Outcome()

    /// Starts making the mails and returns at once.
    init(_ choices: [Choice], composer: HintMailComposer, now: Date, render: Bool) {
        self.choices = choices
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [outcome, done] in
            outcome.results = ParallelMap.map(choices) { choice in
                let message = try composer.message(for: choice.subscriber, hints: choice.hints, now: now)
                return (message: message, bytes: render ? try message.rendered() : nil)
            }
            done.leave()
        }
    }

    /// Each choice with its mail, in order, once all are made; the first failure is thrown.
    func mails() throws -> [(choice: Choice, mail: Mail)] {
        done.wait()
        return try zip(choices, outcome.results).map { ($0, try $1.get()) }
    }

    /// Written once by the background work before `done` is left, read only after waiting for
    /// it: the group orders the two, hence the unchecked Sendable.
    private final class Outcome: @unchecked Sendable {
        var results: [Result<Mail, any Error>] = []
    }
}
