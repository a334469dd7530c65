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
    /// release period (or a total across periods ending with it), and each chart their pages draw:
    /// in 2021 the national breakdown, series and regions, the East of England's series and its
    /// 2018/19 breakdown, and the 2018/19 breakdown of each force that gave one (the West Midlands'
    /// page has no chart). No key figures for a force whose figures are all of earlier periods
    /// (2021's forces), and no embed for one whose only figure is `[x]` (Humberside, 2023).
    @Test func everyAreaWithFiguresForTheReleasePeriodHasItsEmbeds() throws {
        let paths = { (site: Site) in site.files.map(\.path).filter { $0.hasPrefix("embed/") && $0.hasSuffix(".html") } }
        #expect(try paths(Self.site("2021")) == [
            "embed/bedfordshire/previous-breakdown.html", "embed/cambridgeshire/previous-breakdown.html",
            "embed/east-of-england/key-figures.html", "embed/east-of-england/previous-breakdown.html", "embed/east-of-england/series.html",
            "embed/hertfordshire/previous-breakdown.html", "embed/norfolk/previous-breakdown.html", "embed/suffolk/previous-breakdown.html",
            "embed/united-kingdom/breakdown.html", "embed/united-kingdom/key-figures.html",
            "embed/united-kingdom/regions.html", "embed/united-kingdom/series.html",
            "embed/west-midlands/key-figures.html",
        ])
        for path in try paths(Self.site("2021 at an address")) {
            #expect(try Self.site("2021 at an address").file(path.replacingOccurrences(of: ".html", with: ".json")) != nil, "\(path) has no oEmbed file")
        }
        let site2023 = try paths(Self.site("2023"))
        #expect(Set(site2023.filter { $0.hasSuffix("/key-figures.html") }.map { $0.split(separator: "/")[1] }) == [
            "united-kingdom", "wales", "northern-ireland", "south-west", "yorkshire-and-the-humber",
            "cheshire", "cleveland", "durham", "hampshire", "north-yorkshire", "northumbria", "suffolk"])
        #expect(Set(site2023.filter { !$0.hasSuffix("/key-figures.html") }) == [
            "embed/united-kingdom/breakdown.html", "embed/northern-ireland/series.html", "embed/cheshire/series.html",
            "embed/hampshire/series.html", "embed/north-yorkshire/series.html", "embed/suffolk/series.html"])
    }

    /// Every chart a briefing page draws has an embed that draws it too, listed on that page; and no
    /// embed draws a chart its page does not.
    @Test func everyChartOfAPageHasAnEmbed() throws {
        func charts(_ html: String) -> Set<String> {
            Set(HTMLTagScanner.startTags(in: html).filter { $0.name == "svg" }.compactMap { $0.attributes["id"] })
        }
        for name in ["2021", "2023"] {
            let site = try Self.site(name)
            var drawn = 0
            for file in site.files where file.path.hasSuffix("index.html") && !file.path.hasPrefix("embed/") {
                let page = String(decoding: file.contents, as: UTF8.self)
                let listed = HTMLTagScanner.startTags(in: page).filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
                    .filter { $0.contains("embed/") }.map { String($0[$0.range(of: "embed/")!.lowerBound...]) }
                let embedded = try listed.reduce(into: Set<String>()) { all, path in all.formUnion(charts(try Self.text(site, path))) }
                drawn += charts(page).count
                #expect(charts(page) == embedded, "\(name) \(file.path): drawn \(charts(page).sorted()), in its embeds \(embedded.sorted())")
            }
            #expect(drawn >= (name == "2021" ? 10 : 6))
        }
        let force = try Self.text(Self.site("2021"), "forces/bedfordshire/index.html")
        #expect(force.contains("<summary>Embed these figures</summary>"))
        let embed = try Self.text(Self.site("2021"), "embed/bedfordshire/previous-breakdown.html")
        #expect(embed.contains("<h1>Bedfordshire: online child sex crimes by platform, April 2018 to March 2019</h1>"))
    }

    /// Read alone, the key figures say whose figures they are, as the page's lede does; the period
    /// under the title is the figures' own; and a revision is explained where it is marked, as an
    /// embed has no notes.
    @Test func embedsCarryTheCaveatsTheirPagesCarry() throws {
        func text(_ site: String, _ path: String) throws -> String {
            try Self.text(Self.site(site), path).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
        #expect(try text("2023", "embed/yorkshire-and-the-humber/key-figures.html").contains(
            "April 2022 to March 2023. Figures from three of the region's four forces (North, South and West Yorkshire; Humberside gave no data)."))
        #expect(try text("2021", "embed/united-kingdom/key-figures.html").contains(
            "October 2019 to September 2020. According to figures from 35 police forces in England, Wales and the Channel Islands."))
        let cleveland = try text("2023", "embed/cleveland/key-figures.html")
        #expect(cleveland.contains("Cleveland: key figures\nApril 2017 to March 2023.\n"))
        #expect(!cleveland.contains("April 2022 to March 2023"))
        let series = try text("2023", "embed/northern-ireland/series.html")
        #expect(!series.contains("notes say how"))
        #expect(series.contains("[r] means the figure was revised after it was first published. 2020/21: the Irish News printed 196 in September 2021: the figure was revised between releases. 2021/22: the Belfast Telegraph printed 198 in July 2022: the figure was revised between releases."))
        #expect(series.contains("The April 2021 to March 2022 figure was revised after it was first published (the Belfast Telegraph printed 198 in July 2022: the figure was revised between releases)."))
    }

    /// A frame starts at least as tall as its embed's content at the oEmbed width (640 px), so that
    /// a page which strips the sizing script clips nothing: each embed against its height measured
    /// in Chromium at 640 px (2021; `document.documentElement`'s height),
    /// and never more than twice that.
    @Test func framesStartAtLeastAsTallAsTheirContentAt640Pixels() throws {
        let measured = ["embed/east-of-england/key-figures.json": 607, "embed/east-of-england/series.json": 900,
                        "embed/east-of-england/previous-breakdown.json": 1035, "embed/bedfordshire/previous-breakdown.json": 1035,
                        "embed/united-kingdom/breakdown.json": 1125, "embed/united-kingdom/key-figures.json": 843,
                        "embed/united-kingdom/regions.json": 1063, "embed/united-kingdom/series.json": 1024,
                        "embed/west-midlands/key-figures.json": 630]
        let site = try Self.site("2021 at an address")
        for (path, content) in measured {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(try Self.text(site, path).utf8)) as? [String: Any])
            let height = try #require(document["height"] as? Int)
            #expect(height >= content && height <= 2 * content, "\(path): \(height) px for \(content) px of content")
            #expect((document["html"] as? String)?.contains("height=\"\(height)\"") == true)
        }
    }

    /// Without the site's address there is no oEmbed file and no link to one: its `html` would
    /// name the embed by a relative address, which no consumer could resolve.
    @Test func withoutAnAddressThereIsNoOEmbed() throws {
        let site = try Self.site("2021")
        #expect(!site.files.contains { $0.path.hasPrefix("embed/") && $0.path.hasSuffix(".json") })
        for file in site.files where file.path.hasSuffix(".html") {
            #expect(!String(decoding: file.contents, as: UTF8.self).contains("json+oembed"), "\(file.path) links to an oEmbed file")
        }
        #expect(try Self.text(site, "regions/east-of-england/index.html").contains("<summary>Embed these figures</summary>"))
        let addressed = try Self.site("2021 at an address")
        #expect(addressed.file("embed/east-of-england/key-figures.json") != nil)
        #expect(try Self.text(addressed, "index.html").contains(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.org/briefing/embed/united-kingdom/key-figures.json\""))
    }

    /// A chart embed holds the chart and the table that gives its figures, each linked to the methods page.
    @Test func aChartEmbedHoldsItsChartAndTable() throws {
        let html = try Self.text(Self.site("2021"), "embed/east-of-england/series.html")
        #expect(html.contains("<h1>East of England: online child sex crimes recorded, by period</h1>"))
        #expect(html.contains("<svg id=\"chart-series--east-of-england\""))
        #expect(html.contains("<caption>Online child sex crimes recorded in the East of England, by period</caption>"))
        #expect(html.contains("href=\"../../methodology/regions/east-of-england/index.html#east-of-england--2018-04-2019-03--all-platforms--count\"><data value=\"877\">877</data>"))
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
        // The key figures, linked to the region's methods page; the national share to the main one.
        #expect(html.contains("href=\"../../methodology/regions/east-of-england/index.html#east-of-england--2019-10-2020-09--all-platforms--count\"><data value=\"1075\">1,075</data>"))
        #expect(html.contains("href=\"../../methodology/index.html#united-kingdom--2019-10-2020-09--facebook-owned-apps--share\""))
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
        #expect(!tags.contains { $0.name == "link" && $0.attributes["type"] == "application/json+oembed" }, "no oEmbed without an address")
    }

    /// With the site's address, every link of an embed is absolute, so it works from a newsroom's page.
    @Test func withAnAddressEmbedLinksAreAbsolute() throws {
        let site = try Self.site("2021 at an address")
        let html = try Self.text(site, "embed/east-of-england/key-figures.html")
        let links = HTMLTagScanner.startTags(in: html).filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
        #expect(links.count >= 5)
        for link in links { #expect(link.hasPrefix("https://"), "relative link \(link)") }
        #expect(links.contains("https://example.org/briefing/regions/east-of-england/index.html"))
        #expect(links.contains("https://example.org/briefing/methodology/regions/east-of-england/index.html#east-of-england--2019-10-2020-09--all-platforms--count"))
        #expect(links.contains("https://example.org/briefing/methodology/index.html#united-kingdom--2019-10-2020-09--facebook-owned-apps--share"))
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
        for (name, providerURL) in [("2021 at an address", "https://example.org/briefing/")] as [(String, String?)] {
            let site = try Self.site(name)
            let json = try Self.text(site, "embed/west-midlands/key-figures.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(document["version"] as? String == "1.0")
            #expect(document["type"] as? String == "rich")
            #expect(document["width"] as? Int == 640)
            let height = try #require(document["height"] as? Int)
            #expect(height >= EmbedKind.keyFigures.initialHeight && height % 50 == 0)
            #expect(document["title"] as? String == "West Midlands: key figures")
            #expect(document["provider_name"] as? String == "NSPCC")
            #expect(document["provider_url"] as? String == providerURL)
            let expected = EmbedCode(path: "embed/west-midlands/key-figures.html", title: "West Midlands: key figures",
                                     height: height, baseURL: providerURL)
            #expect(document["html"] as? String == expected.html)
            #expect(Set(document.keys) == Set(["version", "type", "width", "height", "title", "provider_name", "html"] + (providerURL == nil ? [] : ["provider_url"])))
        }
    }

    /// The README shows the code and the hash the build really gives.
    @Test func readmeShowsTheRealEmbedCodeAndHash() throws {
        let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
        let json = try Self.text(Self.site("2021 at an address"), "embed/east-of-england/key-figures.json")
        let code = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["html"] as? String)
        #expect(readme.contains("```html\n" + code + "\n```"))
        #expect(readme.contains("`script-src \(EmbedScript.cspSource)`"))
    }

    // MARK: - The briefing pages

    /// Each briefing page with an embed shows its code to copy (escaped, in a `<details>`) and
    /// names its oEmbed file for discovery; the methods page has neither.
    @Test func briefingPagesShowTheirEmbedCode() throws {
        let site = try Self.site("2021")
        let page = try Self.text(site, "regions/east-of-england/index.html")
        // Each frame's first height is its embed's estimated content height (EmbedHeight), read here from the code shown.
        let heights = page.matches(of: /height=&quot;([0-9]+)&quot;/).map { Int($0.1)! }
        #expect(heights.count == 3 && heights.allSatisfy { $0 >= EmbedKind.keyFigures.initialHeight && $0 % 50 == 0 }, "\(heights)")
        let code = EmbedCode(path: "embed/east-of-england/key-figures.html", title: "East of England: key figures", height: heights.first ?? 0, baseURL: nil)
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        #expect(page.contains("<details class=\"embed-code\">\n  <summary>Embed these figures</summary>"))
        // The listener once, then each embed's iframe: the key figures, the series chart and the 2018/19 breakdown.
        let blocks = page.components(separatedBy: "<pre><code>").dropFirst().map { $0.components(separatedBy: "</code></pre>")[0] }
        let series = EmbedCode(path: "embed/east-of-england/series.html", title: "East of England: online child sex crimes recorded, by period",
                               height: heights.dropFirst().first ?? 0, baseURL: nil)
        let previous = EmbedCode(path: "embed/east-of-england/previous-breakdown.html",
                                 title: "East of England: online child sex crimes by platform, April 2018 to March 2019",
                                 height: heights.last ?? 0, baseURL: nil)
        #expect(blocks == [escaped(code.listener), escaped(code.iframe), escaped(series.iframe), escaped(previous.iframe)])
        #expect(page.contains("<a href=\"../../embed/east-of-england/key-figures.html\">East of England: key figures</a>"))
        #expect(!page.contains("json+oembed"))
        #expect(page.contains("built without the web address"))
        let national = try Self.text(site, "index.html")
        #expect(national.contains("<summary>Embed these figures</summary>") && !national.contains("key-figures.json"))
        for path in ["methodology/index.html", "methodology/regions/east-of-england/index.html"] {
            let methods = try Self.text(site, path)
            #expect(!methods.contains("embed-code") && !methods.contains("json+oembed"), "\(path)")
        }

        let addressed = try Self.text(Self.site("2021 at an address"), "regions/east-of-england/index.html")
        #expect(addressed.contains("&lt;iframe src=&quot;https://example.org/briefing/embed/east-of-england/key-figures.html&quot;"))
        #expect(addressed.contains("href=\"https://example.org/briefing/embed/east-of-england/key-figures.json\""))
        #expect(!addressed.contains("built without the web address"))
    }
}
