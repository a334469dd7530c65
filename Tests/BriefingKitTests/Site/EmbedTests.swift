import Foundation
import Testing
@testable import BriefingKit

/// The embeds without a browser: which are built, what their pages hold, the code a briefing page
/// shows, the oEmbed files, and the script's CSP hash. (`EmbedBrowserTests` runs them in Chromium.)
@Suite struct EmbedTests {
    static let sites: [String: Result<Site, any Error>] = [
        "2021": Result { try build("example-2021") },
        "2023": Result { try build("example-2023") },
        "2021 at an address": Result { try EmbedBrowserTests.site("2021", baseURL: "https://example.org/briefing/") },
    ]

    static func build(_ fixture: String, templates: String = Repository.templates) throws -> Site {
        try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: Repository.fixtures + "/\(fixture)/Data", templates: templates)).site
    }

    static func site(_ name: String) throws -> Site { try #require(sites[name]).get() }

    static func text(_ site: Site, _ path: String) throws -> String {
        String(decoding: try #require(site.file(path), "no \(path) in the site").contents, as: UTF8.self)
    }

    /// The text of every `<script>` element of a page.
    static func scripts(in html: String) -> [String] {
        html.components(separatedBy: "<script>").dropFirst().map { $0.components(separatedBy: "</script>")[0] }
    }

    // MARK: - Which embeds

    /// The key figures of the top area and of every nation, region and force with figures for the
    /// release period (or a total across periods ending with it), and each chart their pages draw
    /// for it: in 2021 the national breakdown, series and regions, and the East of England's series
    /// (its breakdown chart is of the earlier period; the West Midlands' page has no chart). No
    /// embed for a force whose figures are all of earlier periods (2021's forces), nor for one
    /// whose only figure is `[x]` (Humberside, 2023).
    @Test func everyAreaWithFiguresForTheReleasePeriodHasItsEmbeds() throws {
        let paths = { (site: Site) in site.files.map(\.path).filter { $0.hasPrefix("embed/") && $0.hasSuffix(".html") } }
        #expect(try paths(Self.site("2021")) == [
            "embed/east-of-england/key-figures.html", "embed/east-of-england/series.html",
            "embed/united-kingdom/breakdown.html", "embed/united-kingdom/key-figures.html",
            "embed/united-kingdom/regions.html", "embed/united-kingdom/series.html",
            "embed/west-midlands/key-figures.html",
        ])
        for path in try paths(Self.site("2021")) {
            #expect(try Self.site("2021").file(path.replacingOccurrences(of: ".html", with: ".json")) != nil, "\(path) has no oEmbed file")
        }
        let site2023 = try paths(Self.site("2023"))
        #expect(Set(site2023.filter { $0.hasSuffix("/key-figures.html") }.map { $0.split(separator: "/")[1] }) == [
            "united-kingdom", "wales", "northern-ireland", "south-west", "yorkshire-and-the-humber",
            "cheshire", "cleveland", "durham", "hampshire", "north-yorkshire", "northumbria", "suffolk"])
        #expect(Set(site2023.filter { !$0.hasSuffix("/key-figures.html") }) == [
            "embed/united-kingdom/breakdown.html", "embed/northern-ireland/series.html", "embed/cheshire/series.html",
            "embed/hampshire/series.html", "embed/north-yorkshire/series.html", "embed/suffolk/series.html"])
    }

    /// A chart embed holds the chart and the table that gives its figures, each linked to the methods page.
    @Test func aChartEmbedHoldsItsChartAndTable() throws {
        let html = try Self.text(Self.site("2021"), "embed/east-of-england/series.html")
        #expect(html.contains("<h1>East of England: online child sex crimes recorded, by period</h1>"))
        #expect(html.contains("<svg id=\"chart-series--east-of-england\""))
        #expect(html.contains("<caption>Online child sex crimes recorded in the East of England, by period</caption>"))
        #expect(html.contains("href=\"../../methodology/index.html#east-of-england--2018-04-2019-03--all-platforms--count\"><data value=\"877\">877</data>"))
        // What may be said of the change goes with it.
        #expect(html.contains("<strong>The two figures are not directly comparable</strong>"))
        let regions = try Self.text(Self.site("2021"), "embed/united-kingdom/regions.html")
        #expect(regions.contains("<svg id=\"chart-comparison--united-kingdom"))
        #expect(regions.contains("<a href=\"../../regions/west-midlands/index.html\">West Midlands</a>"))
    }

    /// A template set without `embed.html` builds no embeds and shows no embed code.
    @Test func aTemplateSetWithoutTheEmbedLayoutHasNoEmbeds() throws {
        let folder = try Repository.temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.templates) where name != "embed.html" {
            try FileManager.default.copyItem(atPath: Repository.templates + "/" + name, toPath: folder + "/" + name)
        }
        let site = try Self.build("example-2021", templates: folder)
        #expect(!site.files.contains { $0.path.hasPrefix("embed/") })
        #expect(!(try Self.text(site, "regions/east-of-england/index.html")).contains("embed-code"))
    }

    // MARK: - The embed page

    @Test func anEmbedPageHasTitleFiguresSourcesStatusAndALinkToTheBriefing() throws {
        let html = try Self.text(Self.site("2021"), "embed/east-of-england/key-figures.html")
        let tags = HTMLTagScanner.startTags(in: html)
        #expect(html.contains("<h1>East of England: key figures</h1>"))
        #expect(html.contains("<title>East of England: key figures | NSPCC</title>"))
        // No masthead, navigation or skip link.
        #expect(!tags.contains { $0.name == "nav" || $0.name == "header" || $0.hasClass("skip") })
        // The key figures, linked to the methods page.
        #expect(html.contains("href=\"../../methodology/index.html#east-of-england--2019-10-2020-09--all-platforms--count\"><data value=\"1075\">1,075</data>"))
        // The two sources of the figures shown (the region's count and share; the national share).
        #expect(html.contains("Sources: Hits Radio, <a href=\"https://hellorayo.co.uk/hits-radio/suffolk/news/1075-online-child-sex-crimes-east-england\">"))
        #expect(html.contains("NSPCC (release text as carried by OnTheWight), <a href=\"https://onthewight.com/"))
        #expect(!html.contains("telegraph"), "the Telegraph is the source of national counts the embed does not show")
        #expect(html.contains("<p class=\"status\"><strong>Status:</strong> Not official statistics."))
        #expect(html.contains("<a href=\"../../regions/east-of-england/index.html\">Read the full briefing from NSPCC</a>"))
        // A † is shown, so its key is there.
        #expect(html.contains("Numbers marked † were calculated"))
        // Links leave the frame for a new tab; the page is not for search engines.
        #expect(tags.contains { $0.name == "base" && $0.attributes == ["target": "_blank"] })
        #expect(tags.contains { $0.name == "meta" && $0.attributes["name"] == "robots" && $0.attributes["content"] == "noindex" })
        #expect(tags.first?.name == "html" && tags.first?.attributes["data-embed-id"] == "embed/east-of-england/key-figures")
        #expect(tags.contains { $0.name == "link" && $0.attributes["rel"] == "alternate" && $0.attributes["type"] == "application/json+oembed"
                && $0.attributes["href"] == "key-figures.json" })
    }

    /// With the site's address, every link of an embed is absolute, so it works from a newsroom's page.
    @Test func withAnAddressEmbedLinksAreAbsolute() throws {
        let site = try Self.site("2021 at an address")
        let html = try Self.text(site, "embed/east-of-england/key-figures.html")
        let links = HTMLTagScanner.startTags(in: html).filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
        #expect(links.count >= 5)
        for link in links { #expect(link.hasPrefix("https://"), "relative link \(link)") }
        #expect(links.contains("https://example.org/briefing/regions/east-of-england/index.html"))
        #expect(links.contains("https://example.org/briefing/methodology/index.html#east-of-england--2019-10-2020-09--all-platforms--count"))
        #expect(html.contains("href=\"https://example.org/briefing/embed/east-of-england/key-figures.json\""))
        // The stylesheet stays relative: it is the embed's own.
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">"))
    }

    // MARK: - The script and its hash

    /// Known SHA-256 values (FIPS 180-2's "abc", and the empty string), in CSP's base64 form.
    @Test func hashSourcesAreCSPsSHA256() {
        #expect(EmbedScript.hashSource("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
        #expect(EmbedScript.hashSource("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
    }

    /// The script is the site's only one: every embed page carries it byte for byte, with its hash
    /// (and only that) allowed in the page's CSP; no other page has a script or allows one.
    @Test func theHeightScriptIsTheSitesOnlyScriptAndItsHashIsAllowed() throws {
        for name in ["2021", "2023"] {
            let site = try Self.site(name)
            for file in site.files where file.path.hasSuffix(".html") {
                let html = String(decoding: file.contents, as: UTF8.self)
                let csp = try #require(HTMLTagScanner.startTags(in: html).first { $0.attributes["http-equiv"] == "Content-Security-Policy" }?
                    .attributes["content"], "\(file.path) has no CSP")
                #expect(csp.contains("default-src 'none'"))
                if file.path.hasPrefix("embed/") {
                    #expect(Self.scripts(in: html) == [EmbedScript.source], "\(file.path)")
                    #expect(csp == EmbedBuilder.policy.description, "\(file.path): \(csp)")
                    #expect(csp.hasSuffix("; script-src \(EmbedScript.cspSource)"))
                    #expect(!csp.contains("unsafe"))
                } else {
                    #expect(Self.scripts(in: html).isEmpty, "\(file.path) has a script")
                    #expect(!csp.contains("script-src"), "\(file.path) allows scripts: \(csp)")
                }
            }
        }
    }

    /// The script sends the three forms the issue names, and nothing is sent to a page that is not framed.
    @Test func theScriptSpeaksPymDatawrapperAndAMP() {
        let source = EmbedScript.source
        #expect(source.contains("\"pymxPYMx\" + pymId + \"xPYMxheightxPYMx\" + height"))
        #expect(source.contains("{ \"datawrapper-height\": sizes }"))
        #expect(source.contains("{ sentinel: \"amp\", type: \"embed-size\", height: height }"))
        #expect(source.contains("query.get(\"childId\")") && source.contains("query.get(\"id\")"))
        #expect(source.contains("window.parent === window"))
    }

    // MARK: - The embed code and the oEmbed file

    @Test func embedCodeIsAResponsiveIframeAndADatawrapperListener() {
        let code = EmbedCode(path: "embed/wales/key-figures.html", title: "Wales: \"key\" figures & more", height: 520,
                             baseURL: "https://example.org/briefing/")
        #expect(code.iframe == "<iframe src=\"https://example.org/briefing/embed/wales/key-figures.html\" title=\"Wales: &quot;key&quot; figures &amp; more\" height=\"520\" style=\"width: 100%; border: 0;\" loading=\"lazy\"></iframe>")
        #expect(code.listener == """
            <script>
            window.addEventListener("message", function (event) {
              if (event.origin !== "https://example.org") return;
              var sizes = event.data && event.data["datawrapper-height"];
              if (!sizes) return;
              document.querySelectorAll("iframe").forEach(function (frame) {
                if (frame.contentWindow !== event.source) return;
                for (var id in sizes) frame.style.height = sizes[id] + "px";
              });
            });
            </script>
            """)
        #expect(code.html == code.listener + "\n" + code.iframe)
        // With no address, no origin to check, and the path from the site's root.
        let relative = EmbedCode(path: "embed/wales/key-figures.html", title: "Wales", height: 520, baseURL: nil)
        #expect(relative.src == "embed/wales/key-figures.html")
        #expect(!relative.listener.contains("origin"))
    }

    @Test func originsAreAsBrowsersWriteThem() {
        #expect(EmbedCode.origin(of: "https://Example.org/briefing/") == "https://example.org")
        #expect(EmbedCode.origin(of: "http://127.0.0.1:8080/2021/") == "http://127.0.0.1:8080")
        #expect(EmbedCode.origin(of: "https://example.org:443/") == "https://example.org")
        #expect(EmbedCode.origin(of: "http://example.org:80/") == "http://example.org")
        #expect(EmbedCode.origin(of: "https://example.org:8443/") == "https://example.org:8443")
        #expect(EmbedCode.origin(of: "briefing/") == nil)
        #expect(EmbedCode.origin(of: "ftp://example.org/") == nil)
    }

    @Test func oEmbedFileIsRichVersionOne() throws {
        for (name, providerURL) in [("2021", nil), ("2021 at an address", "https://example.org/briefing/")] as [(String, String?)] {
            let site = try Self.site(name)
            let json = try Self.text(site, "embed/west-midlands/key-figures.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(document["version"] as? String == "1.0")
            #expect(document["type"] as? String == "rich")
            #expect(document["width"] as? Int == 640)
            #expect(document["height"] as? Int == EmbedKind.keyFigures.initialHeight)
            #expect(document["title"] as? String == "West Midlands: key figures")
            #expect(document["provider_name"] as? String == "NSPCC")
            #expect(document["provider_url"] as? String == providerURL)
            let expected = EmbedCode(path: "embed/west-midlands/key-figures.html", title: "West Midlands: key figures",
                                     height: EmbedKind.keyFigures.initialHeight, baseURL: providerURL)
            #expect(document["html"] as? String == expected.html)
            #expect(Set(document.keys) == Set(["version", "type", "width", "height", "title", "provider_name", "html"] + (providerURL == nil ? [] : ["provider_url"])))
        }
    }

    /// The README shows the code and the hash the build really gives.
    @Test func readmeShowsTheRealEmbedCodeAndHash() throws {
        let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
        let code = EmbedCode(path: "embed/east-of-england/key-figures.html", title: "East of England: key figures",
                             height: EmbedKind.keyFigures.initialHeight, baseURL: "https://example.org/briefing/")
        #expect(readme.contains("```html\n" + code.html + "\n```"))
        #expect(readme.contains("`script-src \(EmbedScript.cspSource)`"))
    }

    // MARK: - The briefing pages

    /// Each briefing page with an embed shows its code to copy (escaped, in a `<details>`) and
    /// names its oEmbed file for discovery; the methods page has neither.
    @Test func briefingPagesShowTheirEmbedCode() throws {
        let site = try Self.site("2021")
        let page = try Self.text(site, "regions/east-of-england/index.html")
        let code = EmbedCode(path: "embed/east-of-england/key-figures.html", title: "East of England: key figures", height: 520, baseURL: nil)
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        #expect(page.contains("<details class=\"embed-code\">\n  <summary>Embed these figures</summary>"))
        // The listener once, then each embed's iframe: the key figures and the series chart (the region published no breakdown).
        let blocks = page.components(separatedBy: "<pre><code>").dropFirst().map { $0.components(separatedBy: "</code></pre>")[0] }
        let series = EmbedCode(path: "embed/east-of-england/series.html", title: "East of England: online child sex crimes recorded, by period",
                               height: EmbedKind.series.initialHeight, baseURL: nil)
        #expect(blocks == [escaped(code.listener), escaped(code.iframe), escaped(series.iframe)])
        #expect(page.contains("<a href=\"../../embed/east-of-england/key-figures.html\">East of England: key figures</a>"))
        #expect(page.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"../../embed/east-of-england/key-figures.json\" title=\"East of England: key figures\">"))
        #expect(page.contains("built without the web address"))
        let national = try Self.text(site, "index.html")
        #expect(national.contains("href=\"embed/united-kingdom/key-figures.json\""))
        let methods = try Self.text(site, "methodology/index.html")
        #expect(!methods.contains("embed-code") && !methods.contains("json+oembed"))

        let addressed = try Self.text(Self.site("2021 at an address"), "regions/east-of-england/index.html")
        #expect(addressed.contains("&lt;iframe src=&quot;https://example.org/briefing/embed/east-of-england/key-figures.html&quot;"))
        #expect(addressed.contains("href=\"https://example.org/briefing/embed/east-of-england/key-figures.json\""))
        #expect(!addressed.contains("built without the web address"))
    }
}
