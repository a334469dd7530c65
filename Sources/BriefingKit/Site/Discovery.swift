import Foundation

/// How readers, feed readers, search engines and hosts find the site: what each page's `<head>`
/// says about it (description, canonical URL, Open Graph and Twitter card), and the files beside
/// the pages (`feed.xml`, `sitemap.xml`, `robots.txt`, `_headers`).
///
/// Everything that needs an absolute URL (canonical links, `og:url`, the feed, the sitemap, the
/// sitemap's line in `robots.txt`) is there only with a base URL (`--base-url`); without one every
/// link stays relative and the site works from a folder or a `file://` URL. A base URL needs a
/// build time (`--now` or SOURCE_DATE_EPOCH): it is the feed's `updated` and the sitemap's `lastmod`,
/// and no date is invented for them.
public struct Discovery: Sendable {
    public let release: Release
    public let baseURL: BaseURL?
    /// The build time; needed with a base URL.
    public let updated: Date?
    /// Under embargo no page is listed in the feed or the sitemap, and `_headers` sends every file with
    /// `X-Robots-Tag: noindex`; `robots.txt` still lets crawlers in, or they would never see that.
    public var embargoed: Bool
    /// Source expressions (`'sha256-…'`) the embeds' scripts need, for their policy in `_headers`.
    public var embedScripts: [String]

    public init(release: Release, baseURL: BaseURL?, updated: Date?, embargoed: Bool = false, embedScripts: [String] = []) {
        self.release = release
        self.baseURL = baseURL
        self.updated = updated
        self.embargoed = embargoed
        self.embedScripts = embedScripts
    }

    /// What a page is about in one line, for its Open Graph description and feed summary: on the
    /// release's own page (titled by its headline or title), the press office's standfirst, else the
    /// status; on any other page, its own title ("East of England: 1,075 …"), never the national
    /// headline, which a region's or force's figures may not bear out. All are the release's or the page's words.
    public func description(ofPageTitled title: String) -> String {
        guard title == release.title || title == release.headline else { return title }
        return release.standfirst ?? release.status
    }

    /// The layout's fields for one page: `description` always; `discovery` (with the page's
    /// absolute `url` and the `feed`'s) with a base URL, else a false flag.
    /// The page's address and the feed's, for the layout's canonical and Open Graph links; nil with no base URL.
    public func links(folder: String) -> DiscoveryLinksModel? {
        baseURL.map { DiscoveryLinksModel(url: $0.url(of: folder), feed: $0.url(of: FeedWriter.path)) }
    }

    /// The files beside the pages. Throws when there is a base URL but no build time.
    public func files(_ pages: [ListedPage]) throws -> [SiteFile] {
        var files = [SiteFile(path: HeadersWriter.path, text: HeadersWriter(embedScripts: embedScripts, embargoed: embargoed).text(pageFolders: pages.map(\.folder)))]
        var sitemap: String?
        if let baseURL {
            guard let updated else {
                throw BriefingError(step: "write the feed and sitemap", .error(
                    "a site with a base URL needs a build time for its feed and sitemap: give --now or set SOURCE_DATE_EPOCH"))
            }
            let feed = FeedWriter(baseURL: baseURL, organisation: release.organisation, releaseTitle: release.title,
                                  updated: updated, embargoed: embargoed)
            files.append(SiteFile(path: FeedWriter.path, text: feed.xml(pages)))
            sitemap = SitemapWriter(baseURL: baseURL, lastModified: updated, embargoed: embargoed).xml(pages)
            if let sitemap { files.append(SiteFile(path: SitemapWriter.path, text: sitemap)) }
        }
        files.append(SiteFile(path: RobotsWriter.path, text: RobotsWriter(baseURL: baseURL, embargoed: embargoed, hasSitemap: sitemap != nil).text))
        return files
    }
}
