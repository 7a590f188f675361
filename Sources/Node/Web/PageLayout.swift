import Hummingbird

/// The frame every page shares: head, site bar with navigation, main column, footer.
enum PageLayout {
    enum Section: Sendable {
        case search, query, resource
    }

    static func page(title: String, section: Section, body: HTML) -> HTML {
        func navLink(_ target: Section, _ href: String, _ label: String) -> HTML {
            target == section ? "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>" : "<a href=\"\(href)\">\(label)</a>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Grapevine</title>
            <link rel="stylesheet" href="\(AssetRoutes.styleSheetURL)">
            <link rel="icon" href="\(AssetRoutes.iconURL)" type="image/svg+xml">
            <script src="\(AssetRoutes.scriptURL)" defer></script>
            </head>
            <body>
            <header class="site-bar">
            <div class="site-bar-inner">
            <a class="brand" href="/">\(HTML(unescaped: logo))<span>Grapevine</span></a>
            <nav class="site-nav" aria-label="Sections">
            \(navLink(.search, "/", "Search"))
            \(navLink(.query, "/query", "SPARQL"))
            <a href="/status">Status</a>
            </nav>
            </div>
            </header>
            <main class="page">
            \(body)
            </main>
            <footer class="site-footer">
            <p>Grapevine \(NodeServer.version) · peer-to-peer resource discovery on RDF metadata</p>
            </footer>
            </body>
            </html>
            """
    }

    /// A cluster of grapes, drawn inline so the page needs nothing from elsewhere.
    static let logo = """
        <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">\
        <path d="M16 3c1-1 3-1.5 5-1" stroke="#4d7c0f" stroke-width="2" fill="none" stroke-linecap="round"/>\
        <path d="M17 4c3-2 7-1 8 1-3 1-6 1-8-1z" fill="#65a30d"/>\
        <g fill="#7c3aed"><circle cx="11" cy="9" r="4"/><circle cx="19" cy="9" r="4"/>\
        <circle cx="7" cy="15" r="4" opacity=".85"/><circle cx="15" cy="15" r="4"/><circle cx="23" cy="15" r="4" opacity=".85"/>\
        <circle cx="11" cy="21" r="4"/><circle cx="19" cy="21" r="4"/><circle cx="15" cy="27" r="4" opacity=".9"/></g></svg>
        """

    /// An HTML response; pages change with the store, so caches must ask again.
    static func response(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache",
                           .init("X-Content-Type-Options")!: "nosniff",
                           .init("Content-Security-Policy")!: contentSecurityPolicy],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: html.description)))
    }

    /// Only the node's own styles and script; nothing inline, nothing from elsewhere. Links to
    /// copies of resources still work: navigation is not restricted.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// A page with a heading and a message, for a missing parameter or an unknown node.
    static func message(title: String, heading: String, text: HTML, section: Section, status: HTTPResponse.Status) -> Response {
        response(page(title: title, section: section, body: """
            <section class="notice">
            <h1>\(heading)</h1>
            <p>\(text)</p>
            <p><a href="/">Back to search</a></p>
            </section>
            """), status: status)
    }
}
