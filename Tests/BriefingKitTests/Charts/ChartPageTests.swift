import Foundation
import Testing
@testable import BriefingKit

/// The charts on the built example sites (2021 and 2023 fixtures, with this repo's Templates/):
/// where they stand, how they are named for a screen reader, and that every number they print is
/// a figure the page also shows, linked, in a `<data>` element (in the table beside the chart).
struct ChartPageTests {
    /// One chart as it stands in a page: the whole block and the SVG's parts.
    struct Found {
        var block: String
        var svgTag: String
        var id: String
        var title: String
        var desc: String
        /// The text of every `<text>` element, tags inside (a `<tspan>`) dropped.
        var texts: [String]
        /// What follows the chart's block on the page.
        var after: String
    }

    static func regexMatches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : ns.substring(with: match.range(at: $0)) }
        }
    }

    static func plain(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func charts(in html: String) -> [Found] {
        regexMatches("<div class=\"chart\">\\n(<svg [^>]*>)(.*?)</svg>\\n</div>(.{0,40})", in: html).map { match in
            let tag = match[1], inner = match[2]
            return Found(block: match[0], svgTag: tag,
                         id: regexMatches(" id=\"([^\"]*)\"", in: tag).first?[1] ?? "",
                         title: plain(regexMatches("<title id=\"[^\"]*\">(.*?)</title>", in: inner).first?[1] ?? ""),
                         desc: plain(regexMatches("<desc id=\"[^\"]*\">(.*?)</desc>", in: inner).first?[1] ?? ""),
                         texts: regexMatches("<text [^>]*>(.*?)</text>", in: inner).map { plain($0[1]) },
                         after: match[3])
        }
    }

    /// Numbers in text, once dates and period names (which are not figures) are taken out.
    static func numbers(in text: String) -> [String] {
        var text = text
        for pattern in ["\\b(19|20)\\d\\d/\\d\\d\\b",
                        "\\b(January|February|March|April|May|June|July|August|September|October|November|December) (19|20)\\d\\d\\b",
                        "^(19|20)\\d\\d$"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return regexMatches("[0-9][0-9,.]*[0-9%]|[0-9]", in: text).map { $0[0] }
    }

    @Test func everyChartIsANamedDescribedImageBeforeItsTable() throws {
        let site = try BuiltSite.load()
        var total = 0
        var kinds = Set<String>()
        for page in site.pages {
            let html = try site.html(of: page)
            let charts = Self.charts(in: html)
            #expect(charts.count == html.components(separatedBy: "<svg").count - 1, "\(page): a chart outside its block")
            #expect(Set(charts.map(\.id)).count == charts.count, "\(page): two charts share an id")
            for chart in charts {
                total += 1
                kinds.formUnion(Self.regexMatches("chart-(breakdown|series|comparison)\\b", in: chart.svgTag).map { $0[1] })
                #expect(chart.svgTag.contains(" role=\"img\""), "\(page) \(chart.id)")
                #expect(chart.svgTag.contains(" aria-labelledby=\"\(chart.id)-title\""), "\(page) \(chart.id)")
                #expect(chart.svgTag.contains(" aria-describedby=\"\(chart.id)-desc\""), "\(page) \(chart.id)")
                #expect(chart.block.contains("<title id=\"\(chart.id)-title\">") && chart.block.contains("<desc id=\"\(chart.id)-desc\">"))
                #expect(chart.title.count > 20 && chart.desc.count > 10, "\(page) \(chart.id): title or desc is empty")
                #expect(!chart.block.contains("style="), "\(page) \(chart.id): the CSP forbids style attributes")
                // The table with the same figures follows, as the chart's accessible data.
                #expect(chart.after.hasPrefix("\n<div class=\"table-wrap\">"), "\(page) \(chart.id) is not followed by its table: \(chart.after)")
            }
        }
        // Both releases' sites between them have each kind (2021: all three; 2023: breakdown and series).
        #expect(kinds == ["breakdown", "series", "comparison"])
        #expect(total >= 15, "only \(total) charts on the example sites")
    }

    /// A chart's numbers (in its drawing, title and description) are the figures in the table beside
    /// it: each is the shown text of a `<data>` element on the same page, linked to the methods page.
    @Test func everyNumberInAChartIsAFigureOnThePage() throws {
        let site = try BuiltSite.load()
        var checked = 0
        for page in site.pages {
            let html = try site.html(of: page)
            let shown = Set(Self.regexMatches("<data value=\"[^\"]*\">([^<]*)</data>", in: html).map { $0[1] })
            for chart in Self.charts(in: html) {
                for text in [chart.title, chart.desc] + chart.texts {
                    for number in Self.numbers(in: text) {
                        checked += 1
                        #expect(shown.contains(number), "\(page) \(chart.id): '\(number)' in “\(text)” is not a figure on the page")
                    }
                }
            }
        }
        #expect(checked > 80)
    }

    @Test func theNumberScanSeesNumbersButNotPeriods() {
        #expect(Self.numbers(in: "2017/18: 152; April 2018 to March 2019: 1,075 (48%).") == ["152", "1,075", "48%"])
        #expect(Self.numbers(in: "2023") == [])
    }

    /// The 2023 national page has a breakdown of shares only (no counts were published), with the
    /// owner group in focus beside the platform, as its table has.
    @Test func sharesOnlyBreakdownDrawsTheTableRows() throws {
        let site = try BuiltSite.load()
        let chart = try #require(Self.charts(in: try site.html(of: "2023/index.html")).first)
        #expect(chart.id == "chart-breakdown--united-kingdom--2022-04-2023-03")
        #expect(chart.texts == ["Snapchat", "26%", "Meta-owned products", "47%"])
        #expect(chart.title == "Bar chart: offences of sexual communication with a child recorded in the United Kingdom, April 2022 to March 2023, by platform, as shares of those where the means of communication was known")
    }
}
