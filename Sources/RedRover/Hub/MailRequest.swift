import Foundation

/// What a mail to the hub asks for, read from its subject (and, to subscribe, its body), as
/// mailing lists read theirs.
enum MailRequest: Equatable {
    /// Subject `subscribe`; the first non-empty line of the body is the interest.
    case subscribe(interest: String)
    /// A subject containing `confirm TOKEN` (a reply to the confirmation: "Re: confirm …").
    case confirm(token: String)
    /// A subject containing `unsubscribe TOKEN` (what List-Unsubscribe's mailto: sends).
    case unsubscribe(token: String)

    /// The request in a mail, or nil when it is none of these.
    init?(subject: String, text: String) {
        let words = subject.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        func token(after keyword: String) -> String? {
            guard let index = words.firstIndex(of: keyword), index + 1 < words.count else { return nil }
            let token = words[index + 1]
            return token.count == 32 && token.allSatisfy(\.isHexDigit) ? token : nil
        }
        if let token = token(after: "unsubscribe") {
            self = .unsubscribe(token: token)
        } else if let token = token(after: "confirm") {
            self = .confirm(token: token)
        } else if words == ["subscribe"] {
            let line = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            self = .subscribe(interest: line ?? "")
        } else {
            return nil
        }
    }
}
