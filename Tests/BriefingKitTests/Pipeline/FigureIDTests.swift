import Foundation
import Testing
@testable import BriefingKit

/// Figure ids can neither collide nor inject: names that once shared an id, broke the build or
/// put markup on a page (`Fixtures/collision/`).
@Suite struct FigureIDTests {
    static let site = Result { try BuildPipeline(fileSystem: Repository.fileSystem)
        .check(BuildOptions(data: Repository.fixtures + "/collision/Data", templates: Repository.templates)).site }

    static let period = Period("2019-10/2020-09")!

    func page(_ path: String) throws -> String {
        let file = try #require(try Self.site.get().file(path), "no page \(path)")
        return String(decoding: file.contents, as: UTF8.self)
    }

    @Test func anAreaAndAPlatformThatOnceSharedAnIdDoNot() throws {
        let area = FigureID.cell("Essex 2019 10 2020 09 Instagram", Self.period, "X", "count")
        let platform = FigureID.cell("Essex", Self.period, "Instagram 2019 10 2020 09 X", "count")
        #expect(area == "essex-2019-10-2020-09-instagram--2019-10-2020-09--x--count")
        #expect(platform == "essex--2019-10-2020-09--instagram-2019-10-2020-09-x--count")

        let figures = Dictionary(uniqueKeysWithValues: try Self.site.get().figures.map { ($0.id, $0) })
        #expect(figures[area]?.value == .count(60))
        #expect(figures[platform]?.value == .count(50))
        // Essex's 50 links to the entry of 50, not to the other area's 60.
        let essex = try page("forces/essex/index.html")
        #expect(essex.contains("href=\"../../methodology/forces/essex/index.html#\(platform)\"><data value=\"50\">"))
        #expect(!essex.contains("#\(area)\""))
    }

    @Test func anIdSplitsBackIntoItsParts() {
        // No slug holds "--" or starts or ends with "-", so the separator marks the parts exactly.
        for name in ["A -- B", "-x-", "a - - b", "Entry Bedfordshire", "Ynys Môn"] {
            #expect(!Area.slug(name).contains("--") && !Area.slug(name).hasPrefix("-") && !Area.slug(name).hasSuffix("-"))
        }
        let id = FigureID.cell("A -- B", Self.period, "C - - D", "count")
        #expect(id.components(separatedBy: FigureID.separator) == ["a-b", "2019-10-2020-09", "c-d", "count"])
    }

    @Test func anAreaNamedEntrySomethingBuilds() throws {
        let id = "entry-bedfordshire--2019-10-2020-09--all-platforms--count"
        let force = try page("forces/entry-bedfordshire/index.html")
        #expect(force.contains("<a class=\"figure\" href=\"../../methodology/forces/entry-bedfordshire/index.html#\(id)\"><data value=\"20\">20</data></a>"))
        #expect(try page("methodology/forces/entry-bedfordshire/index.html").contains("<span class=\"figure-entry\" id=\"\(id)\"><data value=\"20\">20</data></span>"))
    }

    /// A context id made to close the figure link and open an image and a link cannot inject:
    /// the id goes into the figure's id as a slug, and ids are escaped wherever they are written.
    @Test func aHostileContextIdCannotInject() throws {
        let id = "context--b-t-https-evil-example-pixel-png-log-in-https-evil-example-login-c"
        for file in try Self.site.get().files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            #expect(!html.contains("<img"), "\(file.path) has an image")
            let hrefs = HTMLTagScanner.startTags(in: html).compactMap { $0.attributes["href"] }
            #expect(!hrefs.contains { $0.contains("evil.example") }, "\(file.path) links to \(hrefs.filter { $0.contains("evil.example") })")
        }
        #expect(try page("regions/east/index.html").contains("href=\"../../methodology/index.html#\(id)\"><data value=\"12.5\">12.5%</data></a>"))
    }

    /// Addresses in a quote or a note are shown as text, never as links.
    @Test func addressesInQuotesAndNotesStayText() throws {
        let region = try page("regions/east/index.html")
        let text = EastBriefingTests.visibleText(region)
        #expect(text.contains("Write to evil@evil.example, or see www.evil.example and https://evil.example/login for more."))
        #expect(text.contains("contact evil@evil.example or www.evil.example"))
        #expect(!region.contains("mailto:evil") && !region.contains("href=\"http://www.evil") && !region.contains("href=\"https://evil"))
    }

    /// Unreserved bytes as they are, every other byte of the UTF-8 as %XX in capitals (RFC 3986).
    @Test func aFragmentPercentEncodesAllButUnreservedBytes() {
        #expect(FigureMarkup.fragment("west-midlands--2020-04-2021-03--all-platforms.count_x~1") == "west-midlands--2020-04-2021-03--all-platforms.count_x~1")
        #expect(FigureMarkup.fragment("a b/é~\u{7F}") == "a%20b%2F%C3%A9~%7F")
        #expect(FigureMarkup.fragment("") == "")
    }

    /// Whatever an id holds, it cannot end the Markdown link or the HTML attribute it is written in.
    @Test func anIdIsEscapedInMarkdownAndHTML() throws {
        let hostile = "b) ![t](https://evil.example/pixel.png) [log in](https://evil.example/login) \"x\" <y>"
        let figure = Figure(id: hostile, label: "Cited", value: .count(7),
                            derivation: .published(location: SourceLocation(path: "Data/context.yaml", line: 1, column: 1)), sources: [])
        let files = ["T/page.md": "A {{digits(x)}} and {{entry(x)}}.", "T/layout.html": "{{{content}}}"]
        let library = try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(files))
        let (markdown, shown) = try library.render("page", with: .object(["x": .figure(figure)]), mode: .markdown)
        let html = try MarkdownRenderer().render(markdown, figures: shown, root: "../", page: "page").html
        let fragment = FigureMarkup.fragment(hostile)
        #expect(fragment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~%".contains($0)) })
        #expect(html == "<p>A <a class=\"figure\" href=\"../methodology/index.html#\(fragment)\"><data value=\"7\">7</data></a> and "
            + "<span class=\"figure-entry\" id=\"b) ![t](https://evil.example/pixel.png) [log in](https://evil.example/login) &quot;x&quot; &lt;y&gt;\"><data value=\"7\">seven</data></span>.</p>\n")
    }
}
