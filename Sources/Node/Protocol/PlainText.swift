import Hummingbird

/// Plain-text responses: messages for people, one per line, ending in a newline.
enum PlainText {
    static func response(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/plain; charset=utf-8"
        let text = message.hasSuffix("\n") ? message : message + "\n"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
