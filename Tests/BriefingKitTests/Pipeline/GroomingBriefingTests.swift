import Foundation
import Testing
@testable import BriefingKit

/// The August 2023 release (another offence, a six-year series, shares of the subset where the
/// platform was known, two owners in focus, nations) told truthfully by the same templates.
@Suite struct GroomingBriefingTests {
    static let result = Result { try BuildPipeline(fileSystem: Repository.fileSystem)
        .check(BuildOptions(data: Repository.fixtures + "/example-2023/Data", templates: Repository.templates)) }

    func page(_ path: String) throws -> (html: String, text: String) {
        let file = try #require(try Self.result.get().site.file(path), "no page \(path)")
        let html = String(decoding: file.contents, as: UTF8.self)
        return (html, EastBriefingTests.visibleText(html))
    }

    @Test func nationalLeadStatesTheTotalAndTheSubjectFromData() throws {
        let (html, text) = try page("index.html")
        #expect(text.contains("Police recorded 6,350 offences of sexual communication with a child, according to figures from 42 UK police forces."))
        #expect(html.contains("<data value=\"6350\">6,350</data>"))
        // Nothing of the 2021 release's subject leaks in.
        #expect(!text.lowercased().contains("online child sex crime"))
    }

    @Test func publishedChangeIsShownWithItsBasePeriod() throws {
        let (html, text) = try page("index.html")
        // The UK's 2017/18 count was not published, so the tool cannot check the change like for like, and says so.
        #expect(text.contains("up 82% since 2017/18, as the release reports (this briefing could not check that the same forces stand behind both figures)."))
        #expect(html.contains("#united-kingdom--2022-04-2023-03--all-recorded--change-since-2017-04-2018-03\"><data value=\"82\">up 82%</data>"))
    }

    @Test func sharesSayTheyAreOfTheOffencesWhereThePlatformWasKnown() throws {
        let (_, text) = try page("index.html")
        #expect(text.contains("26% took place on Snapchat, where the means of communication was known (as published)."))
        #expect(text.contains("47% took place on Meta-owned products, where the means of communication was known (as published)."))
        // A share of the subset is never set against all offences.
        for wrong in ["26% of all", "47% of all", "26% of the 6,350", "47% of the 6,350", "47% of them"] {
            #expect(!text.contains(wrong), "\(wrong)")
        }
    }

    @Test func northernIrelandGoesFrom82To198() throws {
        let (_, text) = try page("nations/northern-ireland/index.html")
        #expect(text.contains("the figure went from 82 in April 2017 to March 2018 to 198 in April 2022 to March 2023: up by 116† (141%†): it more than doubled†."))
        #expect(text.contains("up 141% since 2017/18, as the release reports."))
        // A change from a revised figure says so where it is stated.
        #expect(text.contains("to 198 in April 2022 to March 2023: up by one† (0.5%†). The April 2021 to March 2022 figure was revised after it was first published (the Belfast Telegraph printed 198 in July 2022: the figure was revised between releases)."))
        #expect(text.contains("983 offences of sexual communication with a child recorded from April 2017 to March 2023."))
        // Every period of the series, oldest first.
        let series = ["2017/18 82", "2018/19 127", "2019/20 184", "2020/21 195 [r]", "2021/22 197 [r]", "2022/23 198"]
        let table = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(table.contains(series.joined(separator: " ")))
    }

    @Test func walesHasAPageWithItsTotalAndItsQuote() throws {
        let (_, text) = try page("nations/wales/index.html")
        #expect(text.contains("1,753 offences of sexual communication with a child recorded from April 2017 to March 2023."))
        #expect(text.contains("— Cecile Gwilym, Policy and Public Affairs Manager, NSPCC Cymru"))
        // The Welsh quote stays on the Welsh page; the national quote stays national.
        #expect(!(try page("index.html").text.contains("Cecile Gwilym")))
        #expect(!text.contains("Sir Peter Wanless"))
    }

    /// A table row that Markdown did not read as one (a blank line inside a table) shows as raw pipes.
    @Test func noTableIsBrokenIntoRawText() throws {
        for data in ["/example-2021/Data", "/example-2023/Data"] {
            let site = try BuildPipeline(fileSystem: Repository.fileSystem)
                .check(BuildOptions(data: Repository.fixtures + data, templates: Repository.templates)).site
            for file in site.files where file.path.hasSuffix(".html") {
                let html = String(decoding: file.contents, as: UTF8.self)
                #expect(!html.contains("<p>|"), "\(data) \(file.path) has a table row as text")
            }
        }
    }

    /// "The largest" only where every platform has a count, and never a catch-all such as "Other platforms".
    @Test func theLargestPlatformIsNamedOnlyWhenTheCountsShowIt() throws {
        let site2021 = try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: Repository.fixtures + "/example-2021/Data", templates: Repository.templates)).site
        let national2021 = EastBriefingTests.visibleText(String(decoding: try #require(site2021.file("index.html")).contents, as: UTF8.self))
        // Other platforms (4,464) is more, but it is not a platform of its own.
        #expect(national2021.contains("Instagram had the most of the platforms named, with 3,212"))
        // 2023 published only two shares: no platform can be called the largest.
        #expect(!(try page("index.html").text.contains("largest")))
    }

    @Test func aMissingCellIsAMarkerNotAZero() throws {
        let (html, text) = try page("forces/hampshire/index.html")
        #expect(html.contains("<data value=\"[x]\">[x]</data>"))
        #expect(text.contains("For this force, the figure went from 152 in April 2017 to March 2018 to 279 in April 2022 to March 2023"))
    }

    @Test func aPublishedChangeThatDisagreesWithItsCountsIsAWarning() throws {
        let warnings = try Self.result.get().warnings.map(\.message)
        #expect(warnings == ["Hampshire: the published change since 2017/18 (83%) differs by more than rounding from the change calculated from the counts, 152 to 279 (83.6%)"])
    }

    @Test func everyPeriodAndRowIsInTheDownloads() throws {
        let csv = String(decoding: try #require(try Self.result.get().site.file("data/figures.csv")).contents, as: UTF8.self)
        let rows = try String(contentsOfFile: Repository.fixtures + "/example-2023/Data/figures.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().count
        let published = csv.split(separator: "\r\n").filter { $0.contains(",published,") }.count
        #expect(published >= rows)
        #expect(csv.contains("humberside--2022-04-2023-03--all-recorded--count,"))
    }
}

/// The shipped templates name no release's subject: every word of it comes from Data/.
@Suite struct TemplatesNameNoSubjectTests {
    @Test func noTemplateTextNamesASubjectOrAnOrganisation() throws {
        // Police forces are the data contract's own structure (areas of type force), not a subject.
        let words = ["crime", "offence", "grooming", "sexual", "child", "nspcc", "facebook", "meta", "snapchat", "instagram",
                     "whatsapp", "messenger", "communication"]
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.templates).sorted() where name.hasSuffix(".md") || name.hasSuffix(".html") {
            let text = try String(contentsOfFile: Repository.templates + "/" + name, encoding: .utf8)
            // Only the words a reader sees: tags and comments are names for the template's author.
            let prose = text.replacingOccurrences(of: "\\{\\{![^}]*\\}\\}", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "\\{\\{[^}]*\\}\\}\\}?", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression).lowercased()
            for word in words {
                #expect(!prose.contains(word), "\(name) names '\(word)'")
            }
        }
    }
}
