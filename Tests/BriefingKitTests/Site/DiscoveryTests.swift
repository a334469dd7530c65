import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BriefingKit

/// Canonical links, Open Graph, the feed, the sitemap, robots.txt and _headers: all from `--base-url`,
/// and with none, no absolute link into the site anywhere.
@Suite struct DiscoveryTests {
    static let base = "https://briefing.example.org/2021/"
    /// 2021-03-26T00:01:00Z, the 2021 release's embargo.
    static let now = Date(timeIntervalSince1970: 1_616_716_860)

    static func data(_ release: String) -> String { Repository.fixtures + "/example-\(release)/Data" }

    /// The site built in memory, as `briefing build` would (or, embargoed, as the embargo state will).
    static func site(_ release: String = "2021", baseURL: String? = nil, now: Date? = nil, embargoed: Bool = false) throws -> Site {
        var options = BuildOptions(data: data(release), templates: Repository.templates, now: now)
        options.baseURL = try baseURL.map { try BaseURL($0) }
        guard embargoed else { return try BuildPipeline(fileSystem: Repository.fileSystem).check(options).site }
        var log = DiagnosticLog()
        let loaded = try DataLoader(fileSystem: Repository.fileSystem).load(from: options.data, log: &log)
        let dataset = DisclosureControl(threshold: loaded.release.disclosureThreshold).apply(to: loaded).dataset
        var builder = SiteBuilder(statistics: StatisticsEngine().run(dataset),
                                  templates: try TemplateLibrary.load(from: options.templates, fileSystem: Repository.fileSystem),
                                  builtAt: now, baseURL: options.baseURL)
        builder.discovery.embargoed = true
        return try builder.build()
    }

    static func text(_ site: Site, _ path: String) throws -> String {
        String(decoding: try #require(site.file(path), "\(path) is missing").contents, as: UTF8.self)
    }

    /// The briefing pages: every HTML file but the embeds (fragments for other sites' frames, never listed or canonical).
    static func pages(_ site: Site) -> [SiteFile] { site.files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix("embed/") } }

    /// A page's folder from its path: `regions/east/index.html` → `regions/east/`.
    static func folder(_ path: String) -> String { String(path.dropLast("index.html".count)) }

    /// Every `http://` or `https://` address written in a text.
    static func absoluteURLs(in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"https?://[^\s"'<>)]+"#)
        let ns = text as NSString
        // An address in escaped text (the embed code a page shows) ends at its escaped quote.
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
            .map { $0.components(separatedBy: "&quot;")[0] }
    }

    static func xml(_ text: String) throws -> XMLDocument { try XMLDocument(data: Data(text.utf8)) }

    static func strings(_ document: XMLDocument, _ xpath: String) throws -> [String] {
        try document.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
    }

    // MARK: - The base URL

    @Test(arguments: [
        ("https://briefing.example.org", "https://briefing.example.org/", "/"),
        ("https://Briefing.Example.ORG/2021", "https://briefing.example.org/2021/", "/2021/"),
        ("HTTP://example.org:8080/a/b/", "http://example.org:8080/a/b/", "/a/b/"),
        ("http://[::1]:8000", "http://[::1]:8000/", "/"),
        ("http://127.0.0.1:8000/x", "http://127.0.0.1:8000/x/", "/x/"),
        ("https://example.org/M%C3%A4rz/", "https://example.org/M%C3%A4rz/", "/M%C3%A4rz/"),
    ])
    func aBaseURLIsWrittenInFullWithAClosingSlash(input: String, text: String, path: String) throws {
        let url = try BaseURL(input)
        #expect(url.text == text)
        #expect(url.path == path)
        #expect(url.url(of: "regions/east/") == text + "regions/east/")
    }

    @Test(arguments: [
        ("", "is empty"),
        ("example.org/briefing/", "is not an absolute URL"),
        ("/briefing/", "is not an absolute URL"),
        ("ftp://example.org/", "must start with https://"),
        ("file:///srv/www/", "must start with https://"),
        ("https:///briefing/", "has no host name"),
        ("https://press:secret@example.org/", "must not hold a user name or password"),
        ("https://example.org/?release=2021", "must not have a query"),
        ("https://example.org/#top", "must not have a query (?…) or a fragment"),
        ("https://example.org/brief ing/", "has a space"),
        ("https://exämple.org/", "non-ASCII"),
        ("https://example.org/index.html", "names a page"),
        ("https://example.org:99999/", "a port is a number from 1 to 65535"),
        ("https://example.org:0/", "a port is a number from 1 to 65535"),
        ("https://example.org/../../x/", "has '.' or '..' in its path"),
        ("https://example.org/a/./b/", "has '.' or '..' in its path"),
        ("https://example.org/a/%2e%2e/b/", "has '.' or '..' in its path"),
        ("https://0x7f.1/", "looks like an IP address"),
        ("https://127.1/", "looks like an IP address"),
        ("https://127.000.0.1/", "looks like an IP address"),
    ])
    func anythingElseIsRefusedWithTheReason(input: String, reason: String) {
        #expect {
            try BaseURL(input)
        } throws: { error in
            let text = (error as? BaseURL.Problem)?.description ?? ""
            return text.hasPrefix("--base-url '") && text.contains(reason)
        }
    }

    // MARK: - Without a base URL

    @Test(arguments: ["2021", "2023"])
    func withoutABaseURLNoFileLinksAbsolutelyIntoTheSite(release: String) throws {
        let site = try Self.site(release)
        let paths = site.files.map(\.path)
        #expect(!paths.contains("feed.xml") && !paths.contains("sitemap.xml"))
        #expect(paths.contains("robots.txt") && paths.contains("_headers"))
        #expect(try Self.text(site, "robots.txt") == "User-agent: *\nAllow: /\n")

        // The only absolute addresses are those of the sources (on the methods page, in the downloads; `&` as `&amp;` in HTML).
        var log = DiagnosticLog()
        let sources = Set(try DataLoader(fileSystem: Repository.fileSystem).load(from: Self.data(release), log: &log).sources.map(\.url))
        var found = 0
        for file in site.files {
            let urls = Self.absoluteURLs(in: String(decoding: file.contents, as: UTF8.self))
            found += urls.count
            let strays = urls.filter { url in !sources.contains(url) && !sources.contains(url.replacingOccurrences(of: "&amp;", with: "&")) }
            #expect(strays.isEmpty, "\(file.path) links to \(strays)")
        }
        #expect(found > 0, "the scan found no source address at all, so it proves nothing")
        for page in Self.pages(site) {
            let html = String(decoding: page.contents, as: UTF8.self)
            #expect(!html.contains("rel=\"canonical\"") && !html.contains("og:url") && !html.contains("application/atom+xml"), "\(page.path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(page.path) has no description")
        }
    }

    // MARK: - With a base URL

    @Test func withABaseURLEveryPageNamesItselfAndIsInTheFeedAndSitemap() throws {
        let site = try Self.site(baseURL: "https://Briefing.example.org/2021", now: Self.now)
        let pages = Self.pages(site)
        // National, two regions, seven forces and the methods page: eleven; and the methods pages of the regions and forces: twenty.
        #expect(pages.count == 20)
        let expected = Set(pages.map { Self.base + Self.folder($0.path) })
        #expect(expected.contains(Self.base + "regions/east-of-england/") && expected.contains(Self.base))

        for page in pages {
            let html = String(decoding: page.contents, as: UTF8.self)
            let url = Self.base + Self.folder(page.path)
            #expect(html.contains("<link rel=\"canonical\" href=\"\(url)\">"), "\(page.path)")
            #expect(html.contains("<meta property=\"og:url\" content=\"\(url)\">"), "\(page.path)")
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"\(Self.base)feed.xml\" title=\"NSPCC press briefing\">"))
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), "\(page.path)")
            #expect(html.contains("<meta property=\"og:site_name\" content=\"NSPCC press briefing\">"), "\(page.path)")
            // Every absolute address into the site is a page or a file the site has.
            for link in Self.absoluteURLs(in: html) where link.hasPrefix(Self.base) {
                let path = String(link.dropFirst(Self.base.count))
                #expect(site.file(path) != nil || site.file(path + "index.html") != nil, "\(page.path) links to \(link), which the site lacks")
            }
        }

        let feed = try Self.xml(try Self.text(site, "feed.xml"))
        #expect(Set(try Self.strings(feed, "/*[local-name()='feed']/*[local-name()='entry']/*[local-name()='id']")) == expected)
        #expect(try Self.strings(feed, "//*[local-name()='entry']").count == 20)
        #expect(try Self.strings(feed, "/*[local-name()='feed']/*[local-name()='updated']") == ["2021-03-26T00:01:00Z"])
        #expect(try Self.strings(feed, "/*[local-name()='feed']/*[local-name()='id']") == [Self.base + "feed.xml"])
        #expect(try Self.strings(feed, "/*[local-name()='feed']/*[local-name()='subtitle']")
            == ["Facebook-owned apps used in more than half of online child sex crimes recorded by police"])
        // RFC 4287's rules that its schema states only as Schematron: an author for the feed, an alternate link per entry.
        #expect(try Self.strings(feed, "/*[local-name()='feed']/*[local-name()='author']/*[local-name()='name']") == ["NSPCC"])
        #expect(Set(try Self.strings(feed, "//*[local-name()='entry']/*[local-name()='link'][@rel='alternate']/@href")) == expected)

        let sitemap = try Self.xml(try Self.text(site, "sitemap.xml"))
        let locs = try Self.strings(sitemap, "//*[local-name()='loc']")
        #expect(locs.count == 20 && Set(locs) == expected)
        #expect(Set(try Self.strings(sitemap, "//*[local-name()='lastmod']")) == ["2021-03-26T00:01:00Z"])

        #expect(try Self.text(site, "robots.txt") == "User-agent: *\nAllow: /2021/\n\nSitemap: https://briefing.example.org/2021/sitemap.xml\n")
    }

    @Test func theFeedSaysWhatEachPageIsInTheReleasesOwnWords() throws {
        let site = try Self.site(baseURL: Self.base, now: Self.now)
        let feed = try Self.xml(try Self.text(site, "feed.xml"))
        let title = "Facebook-owned apps used in more than half of online child sex crimes recorded by police"
        let status = "Not official statistics. Figures were obtained by the NSPCC through Freedom of Information requests to police forces and are published as the forces supplied them."
        func entry(_ url: String, _ field: String) throws -> [String] {
            try Self.strings(feed, "//*[local-name()='entry'][*[local-name()='id']='\(url)']/*[local-name()='\(field)']")
        }
        // The home page's title is the release's: its description is the press office's standfirst.
        // Any other page describes itself by its own title, never by the national headline.
        let standfirst = "Facebook's apps were used in more than half of the online child sex crimes recorded by police where the means of communication was known, "
            + "as the NSPCC calls on the Government to strengthen the Online Safety Bill to tackle abuse in private messaging."
        let east = "East of England: over a thousand online child sex crimes recorded"
        #expect(try entry(Self.base, "title") == [title])
        #expect(try entry(Self.base, "summary") == [standfirst])
        #expect(try entry(Self.base + "regions/east-of-england/", "title") == [east])
        #expect(try entry(Self.base + "regions/east-of-england/", "summary") == [east])
        #expect(try entry(Self.base + "methodology/", "title") == ["Methods and sources"])
        #expect(try entry(Self.base + "methodology/forces/essex/", "title") == ["Methods and sources: Essex"])
        let home = try Self.text(site, "index.html")
        #expect(home.contains("<meta property=\"og:description\" content=\"Facebook"))
        #expect(!home.contains("content=\"\(status)\""))
        #expect(home.contains("<meta property=\"og:title\" content=\"\(title)\">"))
        #expect(try Self.text(site, "regions/east-of-england/index.html").contains("<meta name=\"description\" content=\"\(east)\">"))
    }

    @Test func aBaseURLWithoutABuildTimeStopsTheBuild() throws {
        #expect {
            try Self.site(baseURL: Self.base)
        } throws: { error in
            (error as? BriefingError)?.diagnostics.map(\.message)
                == ["a site with a base URL needs a build time for its feed and sitemap: give --now or set SOURCE_DATE_EPOCH"]
        }
    }

    @Test func twoBuildsWithABaseURLAreByteIdentical() throws {
        let first = try Self.site("2023", baseURL: Self.base, now: Self.now)
        let second = try Self.site("2023", baseURL: Self.base, now: Self.now)
        #expect(first.files == second.files)
        #expect(first.file("feed.xml") != nil && first.file("sitemap.xml") != nil)
    }

    // MARK: - Under embargo

    /// Crawlers may still fetch every file under embargo (or they could not see that it is not to be
    /// listed), and every file is sent with `X-Robots-Tag: noindex`: a CSV or an oEmbed document has no
    /// `<meta>` to say so. Once lifted, `_headers` asks nothing of the kind.
    @Test func underEmbargoNoPageIsListedAndCrawlersAreTurnedAway() throws {
        let site = try Self.site(baseURL: Self.base, now: Self.now, embargoed: true)
        let text = try Self.text(site, "feed.xml")
        let feed = try Self.xml(text)
        #expect(try Self.strings(feed, "//*[local-name()='entry']").isEmpty)
        #expect(try Self.strings(feed, "/*[local-name()='feed']/*[local-name()='title']") == ["NSPCC press briefing"])
        #expect(!text.contains("Facebook-owned apps"), "the feed names the embargoed release")
        #expect(site.file("sitemap.xml") == nil, "a sitemap needs at least one page, and none may be listed")
        #expect(try Self.text(site, "robots.txt") == "User-agent: *\nAllow: /2021/\n")
        #expect(Self.pages(site).count == 20)
        let headers = try Self.text(site, "_headers")
        #expect(headers.contains("/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  X-Robots-Tag: noindex\n\n"))
        #expect(headers.components(separatedBy: "X-Robots-Tag").count == 2, "one rule, /*, sets X-Robots-Tag")

        let folder = try Self.site(embargoed: true)
        #expect(try Self.text(folder, "robots.txt") == "User-agent: *\nAllow: /\n")
        let lifted = try Self.site(baseURL: Self.base, now: Self.now)
        #expect(!(try Self.text(lifted, "_headers")).contains("X-Robots-Tag"))
    }

    // MARK: - The writers

    @Test func theFeedEscapesWhatItQuotes() throws {
        let writer = FeedWriter(baseURL: try BaseURL("https://example.org/a&b/"), organisation: "Smith & Jones <Press>",
                                releaseTitle: "\"Quotes\" & 'apostrophes'", updated: Self.now)
        let text = writer.xml([ListedPage(folder: "x/", title: "Fish & <chips>", description: "a \u{1} b")])
        #expect(text.contains("<title>Smith &amp; Jones &lt;Press&gt; press briefing</title>"))
        #expect(text.contains("<subtitle>&quot;Quotes&quot; &amp; &apos;apostrophes&apos;</subtitle>"))
        #expect(text.contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/a&amp;b/feed.xml"/>"#))
        let feed = try Self.xml(text)
        #expect(try Self.strings(feed, "//*[local-name()='entry']/*[local-name()='title']") == ["Fish & <chips>"])
        #expect(try Self.strings(feed, "//*[local-name()='entry']/*[local-name()='summary']") == ["a \u{FFFD} b"])
        #expect(try Self.strings(feed, "//*[local-name()='entry']/*[local-name()='id']") == ["https://example.org/a&b/x/"])
    }

    @Test func headersAreExactlyTheseRules() {
        let text = HeadersWriter(embedScripts: ["'sha256-AbC+/9='"]).text(pageFolders: ["", "regions/north/", "forces/alpha/", "methodology/"])
        let page = "Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        #expect(text == """
            # Response headers for static hosts that read _headers (Netlify, Cloudflare Pages), written by
            # `briefing build`. No two rules that can match one path set the same header.
            /*
              X-Content-Type-Options: nosniff
              Referrer-Policy: no-referrer

            # The pages: the site's policy; no other site may frame them.
            /
              \(page)
              X-Frame-Options: DENY
            /index.html
              \(page)
              X-Frame-Options: DENY
            /forces/*
              \(page)
              X-Frame-Options: DENY
            /methodology/*
              \(page)
              X-Frame-Options: DENY
            /regions/*
              \(page)
              X-Frame-Options: DENY

            # Embeds: any site may frame them.
            /embed/*
              Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; script-src 'sha256-AbC+/9='; frame-ancestors *

            # The figures behind the site: any site may fetch them.
            /data/*
              Access-Control-Allow-Origin: *
            /data.csv
              Access-Control-Allow-Origin: *
            /data.json
              Access-Control-Allow-Origin: *
            /forces/alpha/data.csv
              Access-Control-Allow-Origin: *
            /forces/alpha/data.json
              Access-Control-Allow-Origin: *
            /methodology/data.csv
              Access-Control-Allow-Origin: *
            /methodology/data.json
              Access-Control-Allow-Origin: *
            /regions/north/data.csv
              Access-Control-Allow-Origin: *
            /regions/north/data.json
              Access-Control-Allow-Origin: *

            """)
    }

    /// Every page's own downloads may be fetched by any site, as `data/…` may: each has a CORS rule.
    @Test func everyPagesDownloadsMayBeFetchedByAnySite() throws {
        let site = try Self.site("2023")
        let headers = try Self.text(site, "_headers")
        let downloads = site.files.map(\.path).filter { $0.hasSuffix("/data.csv") || $0.hasSuffix("/data.json") || $0 == "data.csv" || $0 == "data.json" }
        #expect(downloads.count == 2 * Self.pages(site).count)
        for path in downloads {
            #expect(headers.contains("\n/\(path)\n  Access-Control-Allow-Origin: *\n"), "\(path) has no CORS rule")
        }
    }

    @Test func thePagesPolicyIsTheOneTheLayoutGives() throws {
        let layout = try String(contentsOfFile: Repository.templates + "/layout.html", encoding: .utf8)
        #expect(layout.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(ContentSecurityPolicy.pages)\">"),
                "Templates/layout.html's policy and ContentSecurityPolicy.pages (sent in _headers) differ: change both")
    }

    @Test func aSourceAddedToANoneDirectiveReplacesNone() {
        let policy = ContentSecurityPolicy.pages.adding("img-src", ["data:"]).adding("default-src", ["'self'"]).adding("script-src", ["'sha256-x'"])
        #expect(policy.description == "default-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; script-src 'sha256-x'")
    }
}

/// The small fixture site as published at an address: its feed, sitemap, robots.txt and _headers,
/// compared byte for byte with golden files (re-record with `RECORD_SNAPSHOTS=1`, then read the diff).
@Suite struct DiscoveryGoldenTests {
    static let golden = Repository.fixtures + "/golden/small-site-published"

    @Test func discoveryFilesMatchGoldenFiles() throws {
        var options = BuildOptions(data: Repository.fixtures + "/small/Data", templates: Repository.templates, now: DiscoveryTests.now)
        options.baseURL = try BaseURL("https://example.org/briefing/")
        let site = try BuildPipeline(fileSystem: Repository.fileSystem).check(options).site
        for path in ["_headers", "feed.xml", "robots.txt", "sitemap.xml"] {
            let file = try #require(site.file(path), "\(path) is missing")
            if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
                try FileManager.default.createDirectory(atPath: Self.golden, withIntermediateDirectories: true)
                try file.contents.write(to: URL(fileURLWithPath: Self.golden + "/" + path))
            }
            #expect(FileManager.default.contents(atPath: Self.golden + "/" + path) == file.contents, "\(path) differs from its golden file")
        }
    }
}
