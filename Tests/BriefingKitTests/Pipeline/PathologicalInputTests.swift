import Foundation
import Testing
import Yams
@testable import BriefingKit

/// Huge or deeply nested inputs build or fail cleanly, in bounded time and memory.
/// How long each takes is measured by `Benchmarks/pathological.sh`, not here.
@Suite(.serialized) struct PathologicalInputTests {
    /// A copy of the example data with `extra` appended to figures.csv and areas.csv.
    func workspace(areas: String = "", figures: String = "", quotes: String? = nil) throws -> String {
        let folder = try Repository.temporaryFolder("patho")
        try FileManager.default.copyItem(atPath: Repository.data, toPath: folder + "/Data")
        for (name, extra) in [("areas.csv", areas), ("figures.csv", figures)] {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/Data/" + name))
            handle.seekToEndOfFile()
            handle.write(Data(extra.utf8))
            try handle.close()
        }
        if let quotes { try quotes.write(toFile: folder + "/Data/quotes.yaml", atomically: true, encoding: .utf8) }
        return folder + "/Data"
    }

    func check(_ data: String) throws -> BuildPipeline.Result {
        try BuildPipeline(fileSystem: Repository.fileSystem).check(BuildOptions(data: data, templates: Repository.templates))
    }

    /// 30,000 rows: 1,000 forces, each with a total and two platform counts in ten periods.
    static func thirtyThousandRows() -> (areas: String, figures: String) {
        var areas = "", figures = ""
        for force in 1...1000 {
            areas += "Force \(force),force,West Midlands,\n"
            for year in 2008..<2018 {
                let period = "\(year)-04/\(year + 1)-03"
                figures += "\(period),Force \(force),All platforms,count,\(500 + force),greatest-hits-wm-2021-03\n"
                figures += "\(period),Force \(force),Instagram,count,\(100 + force),greatest-hits-wm-2021-03\n"
                figures += "\(period),Force \(force),WhatsApp,count,\(50 + force),greatest-hits-wm-2021-03\n"
            }
        }
        return (areas, figures)
    }

    @Test func thirtyThousandRowTableBuilds() throws {
        let (areas, figures) = Self.thirtyThousandRows()
        #expect(figures.split(separator: "\n").count == 30_000)
        let result = try check(try workspace(areas: areas, figures: figures))
        // 1,000 force pages more than the example site's 11 pages and 13 embeds, each force's
        // series chart as an embed (the forces have no figures for the release period, so no key
        // figures), and the methods pages of the example's 9 areas and the 1,000 forces.
        #expect(result.site.files.filter { $0.path.hasSuffix(".html") }.count == 2024 + 9 + 1000)
        #expect(result.site.file("methodology/forces/force-1000/index.html") != nil)
        #expect(result.site.file("forces/force-1000/index.html") != nil)
    }

    /// A release of 1,000 forces in one region, each with a total and four platforms in both periods:
    /// the old fixed budget of 250,000 tags a page stopped its methods page with "nested too deeply".
    @Test func aThousandForceReleaseBuilds() throws {
        var areas = "", figures = ""
        for force in 1...1000 {
            areas += "Force \(force),force,East of England,\n"
            for period in ["2019-10/2020-09", "2018-04/2019-03"] {
                figures += "\(period),Force \(force),All platforms,count,\(500 + force),hits-east-2021-03-26\n"
                for (index, platform) in ["Instagram", "Facebook and Messenger", "WhatsApp", "Other platforms"].enumerated() {
                    figures += "\(period),Force \(force),\(platform),count,\(100 + force - index * 10),hits-east-2021-03-26\n"
                }
            }
        }
        let result = try check(try workspace(areas: areas, figures: figures))
        let region = String(decoding: try #require(result.site.file("regions/east-of-england/index.html")).contents, as: UTF8.self)
        #expect(region.contains(">Force 1000</a>"))
        #expect(result.site.file("forces/force-1000/index.html") != nil)
        #expect(result.site.figures.count > 10_000)
    }

    @Test func quoteWithTenThousandNestedBracketsAndEmphasisShowsAsText() throws {
        let brackets = String(repeating: "[", count: 10_000) + "x" + String(repeating: "](y)", count: 10_000)
        let emphasis = String(repeating: "*_", count: 10_000) + "z" + String(repeating: "_*", count: 10_000)
        let quotes = """
        - id: deep
          speaker: A tester
          organisation: Tests
          source: hits-east-2021-03-26
          areas: [East of England]
          paragraphs:
            - "\(brackets)"
            - "\(emphasis)"
        """
        let result = try check(try workspace(quotes: quotes))
        let page = String(decoding: try #require(result.site.file("regions/east-of-england/index.html")).contents, as: UTF8.self)
        #expect(page.contains(String(repeating: "[", count: 10_000) + "x"))
        #expect(page.contains(String(repeating: "*_", count: 100)))
        #expect(!page.contains("<a href=\"y\""))
    }

    @Test func oneMegabyteLineInAQuoteBuilds() throws {
        let line = String(repeating: "abcdefghij", count: 100_000)
        let quotes = """
        - id: long
          speaker: A tester
          organisation: Tests
          source: hits-east-2021-03-26
          paragraphs:
            - "\(line)"
        """
        let result = try check(try workspace(quotes: quotes))
        let page = try #require(result.site.file("index.html"))
        #expect(page.contents.count > 1_000_000)
    }

    @Test func oneMegabyteLineInACSVFailsCleanly() throws {
        let data = try workspace(figures: "2019-10/2020-09,United Kingdom,\(String(repeating: "x", count: 1_000_000)),count,1,telegraph-2021-03-26\n")
        do {
            _ = try check(data)
            Issue.record("expected an unknown-platform error")
        } catch let error as BriefingError {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].description.contains("figures.csv:43:32: error: '"))
            // The caret display shows a window of the line, not a megabyte.
            #expect(error.diagnostics[0].rendered.count < 2_100_000)
        }
    }

    /// Anchors that alias each other nine times over (a "billion laughs") are refused, not walked for ever.
    @Test func yamlAliasBombIsRefused() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let diagnostics = YAMLEscapeScanner(source: SourceText(path: "quotes.yaml", text: yaml))
            .diagnostics(in: try #require(try Yams.compose(yaml: yaml)))
        #expect(diagnostics.map(\.message) == ["this file expands to more than 200,000 values through YAML anchors and aliases (& and *); write the values out instead"])
    }

    /// A file of NULs lists 50 of them and counts the rest, rather than holding a copy of the line for each.
    @Test func aFileOfNULsIsCountedNotListed() {
        let diagnostics = SourceText(path: "Data/areas.csv", text: String(repeating: "\u{0}", count: 100_000)).unsafeCharacters
        #expect(diagnostics.count == 51)
        #expect(diagnostics.last?.description == "Data/areas.csv:1:51: error: 99950 more invisible characters from here on, not listed; is this the right file?")
    }
}
