import Foundation

/// A one-line progress display on a terminal; silent when stderr is a pipe or a file, so logs
/// and scripts never see carriage returns.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool = StandardError.isTerminal) {
        self.enabled = enabled
    }

    func update(_ label: String, bytes: Int, total: Int?, quads: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var text = "\(label): \(Self.megabytes(bytes))"
        if let total, total > 0 {
            text += " of \(Self.megabytes(total)) (\(bytes * 100 / total)%)"
        }
        text += ", \(quads.formatted()) quads"
        StandardError.write("\r\u{1B}[2K" + text)
        drawn = true
    }

    func finish() {
        guard enabled, drawn else { return }
        StandardError.write("\r\u{1B}[2K")
        drawn = false
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
