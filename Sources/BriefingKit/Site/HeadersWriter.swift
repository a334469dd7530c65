/// `_headers`: the response headers for static hosts that read this file (Netlify, Cloudflare Pages).
///
/// Pages get the site's Content Security Policy as a header, where `frame-ancestors` works (it is
/// ignored in a `<meta>`): no other site may frame them. Embeds (`embed/…`) get the same policy with
/// the hashes of their scripts and may be framed by any site. The downloads (`data/…`, and each
/// page's `data.csv` and `data.json`) may be fetched by any site (CORS). Under embargo every file
/// is sent with `X-Robots-Tag: noindex`, so that no search engine lists one (a CSV or an oEmbed
/// document has no `<meta name="robots">` of its own). When several rules match a path, these hosts send every rule's headers and
/// join the values of a header set twice, which would make two policies of one: so no two rules that
/// can match one path set the same header. Paths are from the root of the folder the host serves.
public struct HeadersWriter: Sendable {
    /// The pages' policy (`ContentSecurityPolicy.pages`, as the layout's `<meta>`), before `frame-ancestors`.
    public let pagePolicy: ContentSecurityPolicy
    /// Source expressions the embeds' scripts need, such as `'sha256-…'` (empty: embeds run no script).
    public let embedScripts: [String]

    /// Whether the release is under embargo at the build's clock.
    public let embargoed: Bool

    public init(pagePolicy: ContentSecurityPolicy = .pages, embedScripts: [String] = [], embargoed: Bool = false) {
        self.pagePolicy = pagePolicy
        self.embedScripts = embedScripts
        self.embargoed = embargoed
    }

    public static let path = "_headers"

    /// The file, for a site whose pages are in `folders` ("" for the home page, "regions/east/" …).
    ///
    /// Each top folder of a page gets one rule (`/regions/*`), the home page two (`/` and
    /// `/index.html`), so that the page rules never overlap the embeds' or the downloads'.
    public func text(pageFolders folders: [String]) -> String {
        let pages = pagePolicy.adding("frame-ancestors", ["'none'"])
        var embeds = pagePolicy
        if !embedScripts.isEmpty { embeds = embeds.adding("script-src", embedScripts) }
        embeds = embeds.adding("frame-ancestors", ["*"])

        // Each page's own downloads, by name: a page rule (`/regions/*`) sets no CORS header, so these overlap none.
        let downloads = folders.sorted().flatMap { folder in [PageDownloads.csvName, PageDownloads.jsonName].map { "/" + folder + $0 } }
        let tops = Set(folders.compactMap { $0.split(separator: "/").first.map(String.init) })
        var pagePatterns = folders.contains("") ? ["/", "/index.html"] : []
        pagePatterns += tops.sorted().map { "/\($0)/*" }

        let groups = [
            ["# Response headers for static hosts that read _headers (Netlify, Cloudflare Pages), written by",
             "# `briefing build`. No two rules that can match one path set the same header.",
             rule("/*", ["X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer"] + (embargoed ? ["X-Robots-Tag: noindex"] : []))],
            ["# The pages: the site's policy; no other site may frame them."]
                + pagePatterns.map { rule($0, ["Content-Security-Policy: \(pages)", "X-Frame-Options: DENY"]) },
            ["# Embeds: any site may frame them.", rule("/embed/*", ["Content-Security-Policy: \(embeds)"])],
            ["# The figures behind the site: any site may fetch them."] + (["/data/*"] + downloads).map { rule($0, ["Access-Control-Allow-Origin: *"]) },
        ]
        return groups.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func rule(_ pattern: String, _ headers: [String]) -> String {
        ([pattern] + headers.map { "  " + $0 }).joined(separator: "\n")
    }
}
