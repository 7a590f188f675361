import ArgumentParser
import Foundation
import Publishing
import RedRover

struct HintsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the current hints, one a line: URL, valid until, title, hub.",
        discussion: "Expired hints are not shown; the soonest to expire come first."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reportingErrors {
            for received in try ReceivedHint.current(in: store.open()) {
                let hint = received.hint
                let until = hint.validUntil.formatted(.iso8601)
                print("\(hint.url)  until \(until)  \(hint.title)  (hub \(received.hub.description.prefix(12))…)")
            }
        }
    }
}
