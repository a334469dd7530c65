import Foundation

/// `feed.xml`: an Atom 1.0 feed (RFC 4287) of the release's pages, one entry per page.
///
/// Every entry's id is the page's absolute URL, its title the page's title and its summary the
/// page's description; `updated` is the build time (the feed and each entry were written then).
/// Under embargo the feed keeps its own fields but lists no page, and names the release only as
/// its organisation's press briefing, so that a feed reader republishes nothing early.
public struct FeedWriter: Sendable {
    public let baseURL: BaseURL
    /// The organisation that publishes the release: the feed's author and, with "press briefing",
    /// its title (as the layout's masthead reads).
    public let organisation: String
    /// The release's title, the feed's subtitle; nil leaves the subtitle out.
    public let releaseTitle: String?
    public let updated: Date
    public let embargoed: Bool

    public init(baseURL: BaseURL, organisation: String, releaseTitle: String?, updated: Date, embargoed: Bool = false) {
        self.baseURL = baseURL
        self.organisation = organisation
        self.releaseTitle = releaseTitle
        self.updated = updated
        self.embargoed = embargoed
    }

    /// Where the feed is in the site.
    public static let path = "feed.xml"

    public func xml(_ pages: [ListedPage]) -> String {
        let e = XMLEscaper.escaped
        let time = Timestamp.rfc3339(updated)
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">"#,
            "  <id>\(e(baseURL.url(of: Self.path)))</id>",
            "  <title>\(e(organisation + " press briefing"))</title>",
        ]
        if let releaseTitle, !embargoed { lines.append("  <subtitle>\(e(releaseTitle))</subtitle>") }
        lines += [
            "  <updated>\(time)</updated>",
            "  <author><name>\(e(organisation))</name></author>",
            #"  <link rel="self" type="application/atom+xml" href="\#(e(baseURL.url(of: Self.path)))"/>"#,
            #"  <link rel="alternate" type="text/html" href="\#(e(baseURL.url(of: "")))"/>"#,
        ]
        for page in embargoed ? [] : pages {
            let url = e(baseURL.url(of: page.folder))
            lines += [
                "  <entry>",
                "    <id>\(url)</id>",
                "    <title>\(e(page.title))</title>",
                "    <updated>\(time)</updated>",
                #"    <link rel="alternate" type="text/html" href="\#(url)"/>"#,
                "    <summary>\(e(page.description))</summary>",
                "  </entry>",
            ]
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }
}
