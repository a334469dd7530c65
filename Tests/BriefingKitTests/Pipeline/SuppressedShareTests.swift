import Foundation
import Testing
@testable import BriefingKit

/// A share the publisher suppressed (`[c]`) is allowed by the data contract: the shipped templates
/// build with one, leave it out of every sentence and keep it as `[c]` in tables and downloads.
@Suite struct SuppressedShareTests {
    @Test func aSuppressedRegionalShareBuildsAndIsNeverWorded() throws {
        let folder = try Repository.temporaryFolder("suppressed-share") + "/Data"
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/example-2021/Data", toPath: folder)
        let figures = folder + "/figures.csv"
        let text = try String(contentsOfFile: figures, encoding: .utf8)
        let row = "2019-10/2020-09,East of England,Facebook-owned apps,share,48%"
        try #require(text.contains(row))
        try text.replacingOccurrences(of: row, with: "2019-10/2020-09,East of England,Facebook-owned apps,share,[c]")
            .write(toFile: figures, atomically: true, encoding: .utf8)
        let result = try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: folder, templates: Repository.templates))
        let page = try #require(result.site.file("regions/east-of-england/index.html"))
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(!html.contains("48%"))
        #expect(html.contains("<data value=\"1075\">1,075</data>"))
        let csv = String(decoding: try #require(result.site.file("data/figures.csv")).contents, as: UTF8.self)
        #expect(csv.contains("east-of-england--2019-10-2020-09--facebook-owned-apps--share,"))
        #expect(csv.contains(",[c],"))
    }
}
