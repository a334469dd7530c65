/// `robots.txt` (RFC 9309): every crawler may read the site, and with a base URL it is told where
/// the sitemap is. Under embargo crawlers may still read it, with no sitemap named: a crawler turned
/// away never fetches a page, so never sees its `noindex` (in each page, and in `_headers` for every
/// file), and could list its address from links elsewhere.
///
/// Crawlers read `robots.txt` only at a host's root: a site published in a folder
/// (`https://example.org/briefing/`) keeps its rules to that folder, for whoever copies them there.
public struct RobotsWriter: Sendable {
    public let baseURL: BaseURL?
    public let embargoed: Bool
    /// Whether the site has a sitemap to name.
    public let hasSitemap: Bool

    public init(baseURL: BaseURL?, embargoed: Bool = false, hasSitemap: Bool) {
        self.baseURL = baseURL
        self.embargoed = embargoed
        self.hasSitemap = hasSitemap
    }

    public static let path = "robots.txt"

    public var text: String {
        let folder = baseURL?.path ?? "/"
        var lines = ["User-agent: *", "Allow: \(folder)"]
        if let baseURL, hasSitemap, !embargoed {
            lines += ["", "Sitemap: \(baseURL.url(of: SitemapWriter.path))"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
