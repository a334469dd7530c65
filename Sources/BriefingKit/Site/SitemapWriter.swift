import Foundation

/// `sitemap.xml`: the site's pages for search engines, in the sitemaps.org 0.9 format.
///
/// Each page's `lastmod` is the build time. The format needs at least one `<url>`, so under
/// embargo (when no page may be listed) there is no sitemap at all: `xml` gives nil.
public struct SitemapWriter: Sendable {
    public let baseURL: BaseURL
    public let lastModified: Date
    public let embargoed: Bool

    public init(baseURL: BaseURL, lastModified: Date, embargoed: Bool = false) {
        self.baseURL = baseURL
        self.lastModified = lastModified
        self.embargoed = embargoed
    }

    /// Where the sitemap is in the site.
    public static let path = "sitemap.xml"

    /// The sitemap, or nil when there is no page to list.
    public func xml(_ pages: [ListedPage]) -> String? {
        let listed = embargoed ? [] : pages
        guard !listed.isEmpty else { return nil }
        let time = Timestamp.rfc3339(lastModified)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
        ]
        for page in listed {
            lines += [
                "  <url>",
                "    <loc>\(XMLEscaper.escaped(baseURL.url(of: page.folder)))</loc>",
                "    <lastmod>\(time)</lastmod>",
                "  </url>",
            ]
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }
}
