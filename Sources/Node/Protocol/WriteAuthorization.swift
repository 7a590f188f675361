import Hummingbird

/// Who may write: a request with `Authorization: Bearer <token>` matching the node's token.
///
/// - No token configured: writes are disabled, 403 for everyone (reads stay public).
/// - No `Authorization`, another scheme, or the wrong token: 401 with
///   `WWW-Authenticate: Bearer realm="grapevine"`.
///
/// Tokens are compared in time independent of where they differ.
enum WriteAuthorization {
    static let realm = "grapevine"

    static func check(_ request: Request, token: String?) throws(ProtocolError) {
        guard let token, !token.isEmpty else {
            throw ProtocolError(.forbidden, """
                this node accepts no writes: it was started without a token \
                (grapevine serve --token, GRAPEVINE_TOKEN or 'token:' in its configuration)
                """)
        }
        guard let header = request.headers[.authorization] else {
            throw challenge("writes need 'Authorization: Bearer <token>'", error: nil)
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw challenge("writes need 'Authorization: Bearer <token>', not the \(parts.first.map(String.init) ?? "empty") scheme",
                            error: "invalid_request")
        }
        let offered = parts[1].drop { $0 == " " }
        guard equalInConstantTime(Array(offered.utf8), Array(token.utf8)) else {
            throw challenge("the bearer token is not this node's", error: "invalid_token")
        }
    }

    private static func challenge(_ message: String, error: String?) -> ProtocolError {
        var value = "Bearer realm=\"\(realm)\""
        if let error { value += ", error=\"\(error)\"" }
        return ProtocolError(.unauthorized, message, headers: [.wwwAuthenticate: value])
    }

    private static func equalInConstantTime(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0 && a.count == b.count
    }
}
