import Foundation
import Testing
@testable import BriefingKit

/// Every number on every page sits in a `<data>` element that links to its provenance,
/// apart from dates, quotes and source titles.
@Suite struct ProvenanceScanTests {
    static func pages() throws -> [(path: String, html: String)] {
        try EastBriefingTests.site.get().files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }
    }

    /// Numbers left once figures, quotes, source links and dates are taken out.
    static func strayNumbers(in html: String) -> [String] {
        var text = html.components(separatedBy: "<body>").last ?? html
        let removals = [
            "(?s)<data value=\"[^\"]*\">.*?</data>",      // figures
            "(?s)<blockquote>.*?</blockquote>",          // quotes, verbatim
            "(?s)<div class=\"chart\">.*?</svg>",          // charts: ChartPageTests checks their numbers are the page's figures
            "(?s)<pre><code>.*?</code></pre>",           // embed code to copy, not prose
            "(?s)<script>.*?</script>",                  // an embed's height script
            "(?s)<a href=\"https?://[^\"]*\">.*?</a>",   // source titles
            "<[^>]+>",                                   // tags (attributes hold ids and links)
            "\\b(19|20)\\d\\d-\\d\\d-\\d\\d\\b",               // dates
            "\\b(19|20)\\d\\d/\\d\\d\\b",                      // financial years: 2018/19
            "<t[hd][^>]*>(<strong>)?(19|20)\\d\\d(</strong>)?</t[hd]>", // a calendar year heading a row of a series table
            "\\b\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) (19|20)\\d\\d\\b", // a dateline: 26 March 2021
            "\\b(January|February|March|April|May|June|July|August|September|October|November|December) (19|20)\\d\\d\\b",
        ]
        for pattern in removals {
            text = text.replacingOccurrences(of: pattern, with: " ", options: [.regularExpression])
        }
        let regex = try! NSRegularExpression(pattern: "[0-9][0-9,.%]*")
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            let start = max(0, match.range.location - 40)
            return ns.substring(with: NSRange(location: start, length: min(ns.length - start, match.range.length + 80)))
                .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        }
    }

    @Test func noNumberOutsideADataElement() throws {
        for page in try Self.pages() {
            let stray = Self.strayNumbers(in: page.html)
            #expect(stray.isEmpty, "\(page.path): \(stray.joined(separator: " | "))")
        }
    }

    @Test func everyDataElementLinksToAnEntryOnTheMethodsPage() throws {
        let pages = try Self.pages()
        #expect(pages.contains { $0.path == "methodology/index.html" })
        // The main methods page or an area's (methodology/regions/east-of-england/index.html), by path.
        let methods = Dictionary(uniqueKeysWithValues: pages.filter { $0.path.hasPrefix("methodology/") }.map { ($0.path, $0.html) })
        #expect(methods.count > 1)
        let link = try NSRegularExpression(pattern: "href=\"[./]*(methodology/(?:[a-z0-9-]+/)*index.html)#([^\"]+)\"[^>]*><data value=")
        for page in pages {
            let ns = page.html as NSString
            let dataCount = page.html.components(separatedBy: "<data value=").count - 1
            let linked = link.matches(in: page.html, range: NSRange(location: 0, length: ns.length))
            let entries = methods[page.path] != nil ? page.html.components(separatedBy: "class=\"figure-entry\"").count - 1 : 0
            #expect(linked.count + entries == dataCount, "\(page.path): \(dataCount - linked.count - entries) <data> elements without a methods link")
            for match in linked {
                let target = ns.substring(with: match.range(at: 1)), id = ns.substring(with: match.range(at: 2))
                #expect(methods[target]?.contains("id=\"\(id)\"") == true, "\(page.path) links to \(target)#\(id), which that page does not list")
            }
        }
    }

    @Test func theScanFindsANumberLeftInText() {
        #expect(Self.strayNumbers(in: "<body><p>Police recorded 1,075 crimes in October 2019.</p>").count == 1)
        #expect(Self.strayNumbers(in: "<body><p>Police recorded <data value=\"1075\">1,075</data> crimes, 2021-03-26.</p>").isEmpty)
    }

    @Test func methodsPagesShowTheNationalAndEastGaps() throws {
        let methods = try #require(try Self.pages().first { $0.path == "methodology/index.html" }).html
        #expect(methods.contains("United Kingdom, October 2019 to September 2020, All platforms: the platform counts sum to <a class=\"figure\" href=\"../methodology/index.html#united-kingdom--2019-10-2020-09--all-platforms--count--platforms-sum\""))
        #expect(methods.contains("<data value=\"42\">42</data>"))
        // The East's gap is on the East's own methods page.
        #expect(!methods.contains("East of England, April 2018 to March 2019"))
        let east = try #require(try Self.pages().first { $0.path == "methodology/regions/east-of-england/index.html" }).html
        #expect(east.contains("East of England, April 2018 to March 2019, All platforms: the forces' figures sum to <a class=\"figure\" href=\"../../../methodology/regions/east-of-england/index.html#east-of-england--2018-04-2019-03--all-platforms--count--forces-sum\""))
        #expect(east.contains("id=\"east-of-england--2018-04-2019-03--all-platforms--count--forces-gap\""))
        #expect(east.contains("<data value=\"5\">five</data>") || east.contains("<data value=\"5\">5</data>"))
    }
}
