import Foundation
import Testing
@testable import BriefingKit

extension EmbedBrowserTests.Report {
    /// What the browser made of one page (`Tests/Browser/embeds.py --pages`).
    struct Page: Decodable {
        struct Console: Decodable { var level: String; var message: String }
        struct Width: Decodable { var scroll: Double; var client: Double }
        var page: String
        var console: [Console]
        var axe: Axe
        var widths: [String: Width]
    }
}

/// Every page and embed of both fixture releases in headless Chromium, served over HTTP from the
/// same run as the embed checks: the console shows no error or warning (a CSP violation is one),
/// axe-core finds no violation, and the page does not scroll sideways at 390 or 320 px.
/// Screenshots of each at 1280×900 and 390×844 go to `Screenshots/` at the repository's root
/// (git-ignored; BROWSER_SCREENSHOTS names another folder). Nu's checks of the same pages are
/// HTMLValidityTests'.
@Suite(.serialized) struct PageBrowserTests {
    static let screenshots = ProcessInfo.processInfo.environment["BROWSER_SCREENSHOTS"]
        ?? BuiltSite.repositoryRoot.appendingPathComponent("Screenshots").path

    static func pages() throws -> (pages: [EmbedBrowserTests.Report.Page], canaries: [EmbedBrowserTests.Report.Page]) {
        let (report, _) = try EmbedBrowserTests.run.get()
        return (try #require(report.pages), try #require(report.page_canaries))
    }

    @Test func everyPageOfBothSitesWasChecked() throws {
        let (pages, _) = try Self.pages()
        let names = Set(pages.map(\.page))
        // Both sites, their briefing pages and their embeds.
        for page in ["2021/index.html", "2021/regions/west-midlands/index.html", "2021/methodology/index.html",
                     "2021/methodology/regions/east-of-england/index.html", "2023/methodology/forces/cheshire/index.html",
                     "2023/index.html", "2021/embed/west-midlands/key-figures.html"] {
            #expect(names.contains(page), "\(page) was not checked")
        }
        #expect(pages.contains { $0.page.hasPrefix("2023/embed/") })
        #expect(pages.count >= 30, "only \(pages.count) pages checked")
        for page in pages {
            for width in ["1280", "390"] {
                let shot = Self.screenshots + "/" + page.page.dropLast(".html".count).replacingOccurrences(of: "/", with: "_")
                    + "@\(width)x\(width == "1280" ? 900 : 844).png"
                #expect(FileManager.default.fileExists(atPath: shot), "no screenshot \(shot)")
            }
        }
    }

    @Test func noPageLogsAConsoleError() throws {
        let (pages, canaries) = try Self.pages()
        for page in pages {
            for entry in page.console { Issue.record("\(page.page): console \(entry.level): \(entry.message)") }
        }
        // The canary's inline script is blocked by its policy, and the console says so.
        let console = try #require(canaries.first { $0.page == "canary/console.html" }?.console)
        #expect(console.contains { $0.message.contains("Content Security Policy") }, "the CSP canary logged \(console)")
    }

    @Test func axeFindsNoViolationOnAnyPage() throws {
        let (pages, _) = try Self.pages()
        for page in pages {
            #expect(page.axe.error == nil, "\(page.page): axe failed: \(page.axe.error ?? "")")
            for violation in page.axe.violations ?? [] {
                Issue.record("\(page.page): \(violation.id) (\(violation.impact ?? "")): \(violation.help) at \(violation.nodes.prefix(3).joined(separator: ", "))")
            }
        }
    }

    @Test func noPageScrollsSidewaysOnAPhone() throws {
        let (pages, canaries) = try Self.pages()
        for page in pages {
            for (width, measured) in page.widths.sorted(by: { $0.key < $1.key }) {
                #expect(measured.client == Double(width), "\(page.page) laid out \(measured.client) px wide, not \(width)")
                #expect(measured.scroll <= measured.client, "\(page.page) at \(width) px is \(measured.scroll) px wide")
            }
        }
        let wide = try #require(canaries.first { $0.page == "canary/wide.html" }?.widths["320"])
        #expect(wide.scroll > wide.client, "the 2000 px canary did not overflow: \(wide)")
    }
}
