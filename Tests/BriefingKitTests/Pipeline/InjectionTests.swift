import Foundation
import Testing
@testable import BriefingKit

/// No data or template value can inject markup or script: hostile names, quotes and titles show as text.
@Suite struct InjectionTests {
    let pages: [(path: String, html: String)]

    static let site = Result { try BuildPipeline(fileSystem: Repository.fileSystem)
        .check(BuildOptions(data: Repository.fixtures + "/injection/Data", templates: Repository.templates)).site }

    init() throws {
        let site = try Self.site.get()
        pages = site.files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    @Test func noScriptElementsOrEventHandlers() {
        // Five briefing pages and the main methods page, and a methods page for each of the four areas under Testland.
        #expect(pages.filter { !$0.path.hasPrefix("embed/") }.count == 6 + 4)
        #expect(pages.filter { $0.path.hasPrefix("methodology/") }.count == 1 + 4)
        // Key figures for four areas (Beta Police's only figure is [x]) and the five charts their pages draw.
        #expect(pages.filter { $0.path.hasPrefix("embed/") }.count == 9)
        for page in pages {
            // The embeds' one script is the pipeline's own, the same on every embed page.
            let own = page.path.hasPrefix("embed/") ? ["<script>" + EmbedScript.source + "</script>"] : []
            #expect(matches("<script.*?</script>", in: page.html.replacingOccurrences(of: "\n", with: " ")) == own.map { $0.replacingOccurrences(of: "\n", with: " ") },
                    "\(page.path) has a <script> of its own")
            #expect(matches("<[a-z][^>]*\\son[a-z]+\\s*=", in: page.html).isEmpty, "\(page.path) has an event handler attribute")
            #expect(matches("<(img|iframe|object|embed|b)[\\s>]", in: page.html).isEmpty, "\(page.path) has an element from data")
        }
    }

    @Test func everyLinkIsASitePathOrAWebAddress() {
        for page in pages {
            for href in matches("href=\"[^\"]*\"", in: page.html) {
                let target = String(href.dropFirst(6).dropLast())
                let safe = target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:")
                    || target.hasPrefix("#") || target.hasPrefix("../") || target.hasPrefix("index.html")
                    || target.hasPrefix("regions/") || target.hasPrefix("forces/") || target.hasPrefix("methodology/")
                    || target.hasPrefix("data/") || target.hasPrefix("assets/") || target.hasPrefix("embed/") || target.isEmpty
                    || target == PageDownloads.csvName || target == PageDownloads.jsonName
                    || (page.path.hasPrefix("embed/") && target.hasSuffix(".json") && !target.contains("/"))
                #expect(safe, "\(page.path) links to \(target)")
                #expect(!target.lowercased().contains("javascript:") && !target.lowercased().hasPrefix("data:"))
            }
        }
    }

    @Test func hostileTextIsShownAsWritten() throws {
        let region = try #require(pages.first { $0.path == "regions/north-script-alert-area-script/index.html" }).html
        let text = EastBriefingTests.visibleText(region)
        #expect(text.contains("<script>alert('quote')</script> and <img src=x onerror=alert(3)>"))
        #expect(text.contains("[click me](javascript:alert(4)) and [data](data:text/html;base64,PHNjcmlwdD4=)"))
        // Entities in data stay visible as typed, never decoded into characters.
        #expect(region.contains("&amp;lt;script&amp;gt; &amp;copy; &amp;#60; and a | pipe and **bold** and _under_ and `code`"))
        #expect(text.contains("— <img src=x onerror=alert('speaker')>, [Role](javascript:alert(2)) | with pipe, Org &amp; <b>bold</b>"))
        #expect(region.contains("<h1>North &lt;script&gt;alert('area')&lt;/script&gt;: "))
        #expect(region.contains("<title>North &lt;script&gt;alert(&#39;area&#39;)&lt;/script&gt;: "))
    }

    @Test func aPipeInANameStaysInItsTableCell() throws {
        let home = try #require(pages.first { $0.path == "index.html" }).html
        let row = try #require(matches("<tr>\\s*<th scope=\"row\"[^>]*><a href=\"regions/south-pipe-stars-link-javascript-alert-1/index.html\">[^<]*</a></th>(\\s*<td[^>]*>.*?</td>){3}\\s*</tr>", in: home).first)
        #expect(row.contains(">South | Pipe &amp; *Stars* [link](javascript:alert(1))</a>"))
    }

    @Test func everyPageCarriesAContentSecurityPolicyWithoutInlineScript() {
        for page in pages {
            // An embed allows its one script by its hash, and nothing else.
            let scripts = page.path.hasPrefix("embed/") ? "; script-src \(EmbedScript.cspSource)" : ""
            #expect(page.html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'\(scripts)\">"), "\(page.path)")
        }
    }

    @Test func spreadsheetFormulasInDataAreDefused() {
        #expect(DownloadWriter.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(DownloadWriter.csvField("-5") == "-5")
        #expect(DownloadWriter.csvField("@SUM(A1)") == "'@SUM(A1)")
    }
}
