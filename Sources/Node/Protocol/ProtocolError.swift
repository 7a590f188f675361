import Hummingbird

/// A request the protocol routes refuse, with the status and a message for the person who sent it.
///
/// Every refusal is a plain-text body of one or more lines, so a client that shows the body (curl,
/// SPARQLWrapper's exceptions, a browser) shows the reason.
struct ProtocolError: Error, Sendable, CustomStringConvertible {
    var status: HTTPResponse.Status
    var message: String
    /// Extra headers: `Allow` on 405, `WWW-Authenticate` on 401.
    var headers: HTTPFields

    init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    var description: String { "\(status.code) \(status.reasonPhrase): \(message)" }

    /// The response: the message as text, with this error's headers and any `extra` ones.
    func response(adding extra: HTTPFields = [:]) -> Response {
        var fields = headers
        fields.append(contentsOf: extra)
        return PlainText.response(status, message, headers: fields)
    }

    // MARK: The refusals both protocols share

    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [String], resource: String) -> ProtocolError {
        ProtocolError(.methodNotAllowed, "\(method.rawValue) is not allowed on \(resource); use \(allowed.joined(separator: ", "))",
                      headers: [.allow: allowed.joined(separator: ", ")])
    }

    static func bodyTooLarge(limit: Int) -> ProtocolError {
        ProtocolError(.contentTooLarge, "the request body is over this node's limit of \(limit) bytes")
    }
}
