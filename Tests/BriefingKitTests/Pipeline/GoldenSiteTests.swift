import Foundation
import Testing
@testable import BriefingKit

/// The whole site built from a small fixture dataset, compared byte for byte with golden files.
///
/// After a deliberate change to templates or pages, re-record with
/// `RECORD_SNAPSHOTS=1 swift test --filter GoldenSiteTests` and review the diff.
@Suite struct GoldenSiteTests {
    static let golden = Repository.fixtures + "/golden/small-site"

    func build() throws -> Site {
        let options = BuildOptions(data: Repository.fixtures + "/small/Data", templates: Repository.templates)
        return try BuildPipeline(fileSystem: Repository.fileSystem).check(options).site
    }

    @Test func siteMatchesGoldenFiles() throws {
        let site = try build()
        let manager = FileManager.default
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? manager.removeItem(atPath: Self.golden)
            for file in site.files {
                let path = Self.golden + "/" + file.path
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try file.contents.write(to: URL(fileURLWithPath: path))
            }
        }
        let recorded = (manager.enumerator(atPath: Self.golden)?.allObjects as? [String] ?? [])
            .filter { !Repository.fileSystem.isDirectory(Self.golden + "/" + $0) }.sorted()
        #expect(recorded == site.files.map(\.path), "the site's files differ from the golden set; re-record if intended")
        for file in site.files {
            let expected = manager.contents(atPath: Self.golden + "/" + file.path)
            #expect(expected == file.contents, "\(file.path) differs from its golden file")
        }
    }

    @Test func smallSiteHasThePagesOfTheSiteContract() throws {
        let paths = try build().files.map(\.path)
        #expect(paths == [
            "README.md", "_headers", "assets/style.css", "data.csv", "data.json",
            "data/figures.csv", "data/figures.json", "data/figures.ods",
            // No oEmbed files: this site is built without a base URL.
            "embed/alpha-police/key-figures.html", "embed/alpha-police/series.html", "embed/north/key-figures.html",
            "embed/south/breakdown.html", "embed/south/key-figures.html",
            "embed/testland/breakdown.html", "embed/testland/key-figures.html", "embed/testland/regions.html", "embed/testland/series.html",
            "forces/alpha-police/data.csv", "forces/alpha-police/data.json", "forces/alpha-police/index.html", "forces/alpha-police/index.txt",
            "forces/beta-police/data.csv", "forces/beta-police/data.json", "forces/beta-police/index.html", "forces/beta-police/index.txt",
            "index.html", "index.txt", "methodology/data.csv", "methodology/data.json",
            // Each area's methods page, with its downloads and no plain text: two forces, then two regions (paths sort so).
            "methodology/forces/alpha-police/data.csv", "methodology/forces/alpha-police/data.json", "methodology/forces/alpha-police/index.html",
            "methodology/forces/beta-police/data.csv", "methodology/forces/beta-police/data.json", "methodology/forces/beta-police/index.html",
            "methodology/index.html",
            "methodology/regions/north/data.csv", "methodology/regions/north/data.json", "methodology/regions/north/index.html",
            "methodology/regions/south/data.csv", "methodology/regions/south/data.json", "methodology/regions/south/index.html",
            "regions/north/data.csv", "regions/north/data.json", "regions/north/index.html", "regions/north/index.txt",
            "regions/south/data.csv", "regions/south/data.json", "regions/south/index.html", "regions/south/index.txt", "robots.txt",
        ])
    }
}
