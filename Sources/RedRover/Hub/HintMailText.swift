/// The readable part of a hints mail: a greeting, the numbered hints, how to unsubscribe, and
/// the signed block after it.
///
/// ```
/// Hello,
///
/// here are 2 new hints from Red Rover hub. Each link works until the
/// time shown, and not after.
///
/// 1. Field recordings of the Danube delta
///    https://peer-17.example.org/r/delta.ogg
///    until 2026-05-02 12:00 UTC
/// …
/// ```
///
/// Every line is at most 72 characters (titles are wrapped under their number), except a URL
/// longer than that, which is never broken.
struct HintMailText {
    let hints: [Hint]
    let hubName: String
    /// The hub's address, where unsubscribe requests go.
    let hubAddress: String
    let token: String
    /// The armored signed block, ending in a line end.
    let block: String

    var text: String {
        var lines = ["Hello,", ""]
        let count = hints.count == 1 ? "1 new hint" : "\(hints.count) new hints"
        lines += TextWrap.wrap("here are \(count) from \(hubName). Each link works until the time shown, and not after.")
        lines.append("")
        for (index, hint) in hints.enumerated() {
            let number = "\(index + 1). "
            let indent = String(repeating: " ", count: number.count)
            lines += TextWrap.wrap(hint.title, firstPrefix: number, prefix: indent)
            lines.append(indent + hint.url)
            lines.append(indent + "until " + HubTime.readable(hint.validUntil))
        }
        lines.append("")
        lines += TextWrap.wrap("To stop these mails, send a mail to \(hubAddress) with this subject:")
        lines.append("   unsubscribe \(token)")
        lines.append("")
        lines.append("The block below holds the same hints for `grapevine hints receive`.")
        return lines.joined(separator: "\n") + "\n\n" + block
    }
}
