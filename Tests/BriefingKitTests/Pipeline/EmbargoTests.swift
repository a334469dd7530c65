import Foundation
import Testing
@testable import BriefingKit

/// Embargo as a build state: the 2021 example with its embargo (00:01 on Friday 26 March 2021,
/// GMT) built before and after it.
@Suite struct EmbargoTests {
    static let line = "EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021"
    static let embargo = ISO8601DateFormatter().date(from: "2021-03-26T00:01:00Z")!

    /// A copy of a fixture `Data/` with `extra` added to its release.yaml; returns the folder.
    static func data(_ fixture: String = "example-2021", adding extra: String) throws -> String {
        let folder = try Repository.temporaryFolder("embargo") + "/Data"
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/\(fixture)/Data", toPath: folder)
        let release = folder + "/release.yaml"
        try (try String(contentsOfFile: release, encoding: .utf8) + extra + "\n").write(toFile: release, atomically: true, encoding: .utf8)
        return folder
    }

    static let embargoedData = Result { try data(adding: "embargo: 2021-03-26T00:01:00+00:00") }

    static func build(_ data: String, clock: Date?) throws -> BuildPipeline.Result {
        try BuildPipeline(fileSystem: Repository.fileSystem).check(BuildOptions(data: data, templates: Repository.templates, clock: clock))
    }

    static func text(_ file: SiteFile) -> String { String(decoding: file.contents, as: UTF8.self) }

    static let before = Result { try build(embargoedData.get(), clock: ISO8601DateFormatter().date(from: "2021-03-25T18:30:00Z")) }

    @Test func beforeTheEmbargoEveryPageCarriesTheBannerAndNoindex() throws {
        let result = try Self.before.get()
        #expect(result.embargo == .embargoed(until: Self.embargo))
        #expect(result.site.embargo == .embargoed(until: Self.embargo))
        let pages = result.site.files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix("embed/") }
        // Eleven briefing and methods pages, and the methods pages of the two regions and seven forces.
        #expect(pages.count == 11 + 9)
        for page in pages {
            let html = Self.text(page)
            let head = try #require(html.components(separatedBy: "</head>").first)
            #expect(head.contains("<meta name=\"robots\" content=\"noindex\">"), "\(page.path) has no noindex")
            #expect(html.contains("<div class=\"embargo\">\n    <p><strong>\(Self.line)</strong></p>"), "\(page.path) has no banner")
            #expect(html.contains("before <time datetime=\"2021-03-26T00:01:00Z\">00:01 Friday 26 March 2021</time>, UK time (GMT)."))
            // The banner is in the masthead, before the briefing itself.
            #expect((html.range(of: "class=\"embargo\"")?.lowerBound)! < (html.range(of: "<main")?.lowerBound)!)
        }
        // Each embed carries it too, above its title (it has no masthead).
        let embeds = result.site.files.filter { $0.path.hasPrefix("embed/") && $0.path.hasSuffix(".html") }
        #expect(embeds.count == 13)
        for embed in embeds {
            let html = Self.text(embed)
            #expect(try #require(html.components(separatedBy: "</head>").first).contains("<meta name=\"robots\" content=\"noindex\">"))
            #expect(html.contains("<div class=\"embargo\">\n  <p><strong>\(Self.line)</strong></p>"), "\(embed.path) has no banner")
            #expect(html.contains("before <time datetime=\"2021-03-26T00:01:00Z\">00:01 Friday 26 March 2021</time>, UK time (GMT)."))
            #expect((html.range(of: "class=\"embargo\"")?.lowerBound)! < (html.range(of: "<h1>")?.lowerBound)!)
        }
    }

    @Test func beforeTheEmbargoEveryPlainTextReleaseStartsWithTheEmbargoLine() throws {
        let texts = try Self.before.get().site.files.filter { $0.path.hasSuffix("index.txt") }
        #expect(texts.count == 10)
        for file in texts {
            #expect(Self.text(file).hasPrefix(Self.line + "\n\n"), "\(file.path)")
        }
    }

    @Test func beforeTheEmbargoTheDownloadsSaySo() throws {
        let site = try Self.before.get().site
        let json = try JSONSerialization.jsonObject(with: try #require(site.file("data/figures.json")).contents) as? [String: Any]
        #expect(json?["embargo"] as? String == Self.line)
        // The CSV gains an embargo column, and every row carries the line in it.
        let rows = Self.text(try #require(site.file("data/figures.csv"))).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows[0] == "id,label,value,shown_as,how_obtained,formula,sources,period,area,note,status,embargo")
        #expect(rows.count == site.figures.count + 1)
        for row in rows.dropFirst() {
            #expect(row.hasSuffix(",\(Self.line)"), "\(row.prefix(60))")
        }
        // So does each page's own download, and the spreadsheet's cover.
        let page = Self.text(try #require(site.file("regions/east-of-england/data.csv")))
        #expect(page.hasPrefix("id,label,value,shown_as,how_obtained,formula,sources,period,area,note,status,embargo\r\n"))
    }

    @Test func theDownloadsKeepTheirColumnsOnceTheEmbargoLifts() throws {
        // A newsroom's import made before the lift must read the file after it: the embargo column
        // stays, empty, and the JSON keeps its key, as null.
        let lifted = try Self.build(Self.embargoedData.get(), clock: Self.embargo).site
        let json = try JSONSerialization.jsonObject(with: try #require(lifted.file("data/figures.json")).contents) as? [String: Any]
        #expect(json?.keys.contains("embargo") == true)
        #expect(json?["embargo"] is NSNull)
        let status = try #require(json?["status"] as? String)
        let header = "id,label,value,shown_as,how_obtained,formula,sources,period,area,note,status,embargo"
        for path in ["data/figures.csv", "regions/east-of-england/data.csv", "data.csv"] {
            let rows = Self.text(try #require(lifted.file(path))).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(rows[0] == header, "\(path)")
            for row in rows.dropFirst() {
                // The status (which has no comma) and then an empty embargo field.
                #expect(row.hasSuffix("," + DownloadWriter.csvField(status) + ","), "\(path): \(row.prefix(60))")
            }
        }
    }

    @Test func onceLiftedTheSiteIsTheSiteWithoutAnEmbargo() throws {
        let without = try Self.build(Repository.data, clock: nil).site
        #expect(without.embargo == .none)
        for clock in [Self.embargo, Self.embargo.addingTimeInterval(3600)] {
            let lifted = try Self.build(Self.embargoedData.get(), clock: clock)
            #expect(lifted.embargo == .lifted(at: Self.embargo))
            #expect(lifted.site.files.map(\.path) == without.files.map(\.path))
            for (file, other) in zip(lifted.site.files, without.files) {
                #expect(file.contents == other.contents, "\(file.path) differs from the build without an embargo")
                // Embeds are never for search engines, embargo or not: the briefing is what a search should find.
                #expect(!Self.text(file).contains("EMBARGOED") && (file.path.hasPrefix("embed/") || !Self.text(file).contains("noindex")), "\(file.path)")
            }
        }
    }

    @Test func withoutAClockTheEmbargoHolds() throws {
        let result = try Self.build(Self.embargoedData.get(), clock: nil)
        #expect(result.embargo.isEmbargoed)
        // --now, when given, is the clock too.
        let options = BuildOptions(data: try Self.embargoedData.get(), templates: Repository.templates, now: Self.embargo)
        #expect(try BuildPipeline(fileSystem: Repository.fileSystem).check(options).embargo == .lifted(at: Self.embargo))
    }

    @Test func aSummerEmbargoIsWrittenInBritishSummerTime() throws {
        let data = try Self.data("example-2023", adding: "embargo: 2023-08-14T00:01:00+01:00")
        let site = try Self.build(data, clock: ISO8601DateFormatter().date(from: "2023-08-13T12:00:00Z")).site
        let html = Self.text(try #require(site.file("index.html")))
        #expect(html.contains("<p><strong>EMBARGOED UNTIL 00:01 MONDAY 14 AUGUST 2023</strong></p>"))
        #expect(html.contains("<time datetime=\"2023-08-13T23:01:00Z\">00:01 Monday 14 August 2023</time>, UK time (BST)."))
    }

    @Test func anEmbargoThatIsNotATimeIsALocatedError() throws {
        let data = try Self.data("example-2021", adding: "embargo: 26 March 2021 00:01")
        #expect {
            try Self.build(data, clock: nil)
        } throws: { error in
            let diagnostics = (error as? BriefingError)?.diagnostics ?? []
            return diagnostics.map(\.message) == ["embargo '26 March 2021 00:01' is not a real time in ISO 8601 with its offset, like 2021-03-26T00:01:00+00:00"]
                && diagnostics.first?.location?.line == 51 && diagnostics.first?.location?.column == 10
        }
    }
}
