import Foundation
import Testing
@testable import BriefingKit

/// A release of many regions: past 40 nations and regions no page lists them all in its
/// navigation (a list that long would be most of every page, and every page's cost); the
/// navigation links to the national page instead, whose table lists every region.
@Suite struct LongNavigationTests {
    /// The small fixture with `count` more regions, each with a figure for the release period.
    static func site(regions count: Int) throws -> Site {
        let folder = try Repository.temporaryFolder("long-nav")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/Data"
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/small/Data", toPath: data)
        let names = (1...count).map { "Extra Region \($0)" }
        let areas = try String(contentsOfFile: data + "/areas.csv", encoding: .utf8)
        try (areas + names.map { "\($0),region,Testland\n" }.joined()).write(toFile: data + "/areas.csv", atomically: true, encoding: .utf8)
        let figures = try String(contentsOfFile: data + "/figures.csv", encoding: .utf8)
        try (figures + names.map { "2023-01/2023-12,\($0),All platforms,count,10,fixture-release\n" }.joined())
            .write(toFile: data + "/figures.csv", atomically: true, encoding: .utf8)
        return try BuildPipeline(fileSystem: Repository.fileSystem).check(BuildOptions(data: data, templates: Repository.templates)).site
    }

    static func navigation(_ page: String) -> String {
        guard let start = page.range(of: "<nav aria-label=\"Briefing sections\">"), let end = page[start.upperBound...].range(of: "</nav>") else { return "" }
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func pastFortyAreasTheNavigationLinksToTheNationalPage() throws {
        // 2 regions of the fixture and 39 more: 41 in the navigation.
        let site = try Self.site(regions: 39)
        let page = try #require(site.file("regions/extra-region-7/index.html")).contents
        let nav = Self.navigation(String(decoding: page, as: UTF8.self))
        #expect(nav.contains("<a href=\"../../index.html\">All 41 nations and regions</a>"), "\(nav)")
        #expect(!nav.contains("Extra Region"), "the navigation still lists the regions")
        // The national page's table names every region, so each is still one link from any page.
        let national = String(decoding: try #require(site.file("index.html")).contents, as: UTF8.self)
        for number in 1...39 { #expect(national.contains("href=\"regions/extra-region-\(number)/index.html\"")) }
    }

    @Test func atFortyTheNavigationListsThemAll() throws {
        let site = try Self.site(regions: 38)
        let page = String(decoding: try #require(site.file("regions/extra-region-7/index.html")).contents, as: UTF8.self)
        let nav = Self.navigation(page)
        #expect(nav.contains("Nations and regions (40)"))
        #expect(nav.contains("<a href=\"../../regions/extra-region-38/index.html\">Extra Region 38</a>"))
        #expect(nav.contains("aria-current=\"page\">Extra Region 7</a>"))
        #expect(!nav.contains("All 40 nations and regions"))
    }
}
