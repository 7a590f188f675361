import Hummingbird

/// `/assets/…`: the page's style sheet, script and icon, from constants compiled into the node.
/// Their URLs carry a digest of the content, so browsers may cache them for good.
enum AssetRoutes {
    static let styleSheetURL = "/assets/grapevine.css?v=" + digest(StyleSheet.css)
    static let scriptURL = "/assets/grapevine.js?v=" + digest(Script.javaScript)
    static let iconURL = "/assets/grapevine.svg?v=" + digest(PageLayout.logo)

    static func register(on router: Router<BasicRequestContext>) {
        serve(StyleSheet.css, at: "/assets/grapevine.css", type: "text/css; charset=utf-8", on: router)
        serve(Script.javaScript, at: "/assets/grapevine.js", type: "text/javascript; charset=utf-8", on: router)
        serve(PageLayout.logo, at: "/assets/grapevine.svg", type: "image/svg+xml", on: router)
    }

    private static func serve(_ content: String, at path: String, type: String, on router: Router<BasicRequestContext>) {
        let tag = "\"" + digest(content) + "\""
        router.get(RouterPath(path)) { request, _ -> Response in
            if request.headers[.ifNoneMatch] == tag {
                return Response(status: .notModified, headers: [.eTag: tag])
            }
            return Response(status: .ok,
                            headers: [.contentType: type, .eTag: tag, .cacheControl: "public, max-age=31536000, immutable",
                                      .init("X-Content-Type-Options")!: "nosniff"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: content)))
        }
    }

    /// FNV-1a of the text, in hex: enough to tell versions of an asset apart.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
