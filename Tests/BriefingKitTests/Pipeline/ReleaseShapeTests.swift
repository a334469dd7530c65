import Foundation
import Testing
@testable import BriefingKit

/// Releases of several shapes, generated here, built with the shipped templates: each page's
/// statements must be true of its release, and what the data lack is never said.
@Suite struct ReleaseShapeTests {
    /// A release of `years` calendar years for one nation with one force, and one region with two.
    struct Shape: CustomStringConvertible {
        var years: Int
        /// Publish `All recorded` totals (else only `All platforms`, the known subset).
        var recorded: Bool
        /// Publish the count of the known subset beside its shares.
        var subsetCount: Bool
        /// A force's figure for the middle year is `[x]`.
        var missingCell: Bool

        var description: String { "\(years) years, recorded \(recorded), subset count \(subsetCount), missing \(missingCell)" }
        var periods: [String] { (0..<years).map { "\(2015 + $0)-01/\(2015 + $0)-12" } }
        var release: String { periods.last! }
    }

    static let shapes: [Shape] = [1, 2, 7].flatMap { years in
        [Shape(years: years, recorded: true, subsetCount: false, missingCell: years > 2),
         Shape(years: years, recorded: false, subsetCount: true, missingCell: false),
         Shape(years: years, recorded: true, subsetCount: true, missingCell: false)]
    }

    /// Writes the shape's `Data/` into a fresh folder.
    static func write(_ shape: Shape) throws -> String {
        let folder = try Repository.temporaryFolder("shape") + "/Data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func file(_ name: String, _ text: String) throws { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        try file("areas.csv", """
            area,type,parent,display
            Testland,country,,
            Northland,nation,Testland,
            Northland Police,force,Northland,
            Southshire,region,Testland,the Southshire region
            East Force,force,Southshire,
            West Force,force,Southshire,

            """)
        // An owner with one platform: its share is that platform's.
        try file("platforms.csv", "platform,owner,end_to_end_encrypted\nChatter,Acme,no\nOther platforms,,\n")
        try file("sources.csv", "id,publisher,title,url,published\nsrc,Example Charity,Example,https://example.org/r,2024-02-01\n")
        let total = shape.recorded ? Platform.recorded : Platform.all
        var rows = ["period,area,platform,measure,value,source"]
        for (index, period) in shape.periods.enumerated() {
            let east = 100 + 10 * index, west = 50 + 5 * index
            let westValue = shape.missingCell && index == shape.years / 2 ? "[x]" : String(west)
            rows += ["\(period),Testland,\(total),count,\(3 * (east + west)),src",
                     "\(period),Northland,\(total),count,\(east + west),src",
                     "\(period),Northland Police,\(total),count,\(east + west),src",
                     "\(period),Southshire,\(total),count,\(east + west),src",
                     "\(period),East Force,\(total),count,\(east),src",
                     "\(period),West Force,\(total),count,\(westValue),src"]
        }
        rows += ["\(shape.release),Testland,Chatter,share,40%,src"]
        if shape.subsetCount, shape.recorded { rows += ["\(shape.release),Testland,\(Platform.all),count,\(2 * (100 + 50)),src"] }
        try file("figures.csv", rows.joined(separator: "\n") + "\n")
        try file("release.yaml", """
            title: Example release
            organisation: Example Charity
            subject:
              singular: test record
              plural: test records
            breakdown:
              singular: channel
              plural: channels
              known: where the channel was known
            period: \(shape.release)
            focus: [Chatter, Acme]
            status: Test data.
            measure: A test record.
            coverage:
              - period: every
                forces_answered: 3
                description: example forces
            contacts:
              - name: Press office
                email: press@example.org
            boilerplate: Example Charity exists only in tests.

            """)
        return folder
    }

    @Test(arguments: shapes.indices)
    func everyStatementIsTrueOfItsRelease(_ index: Int) throws {
        let shape = Self.shapes[index]
        let result = try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: try Self.write(shape), templates: Repository.templates))
        func text(_ path: String) throws -> String {
            let file = try #require(result.site.file(path), "\(shape): no \(path)")
            return EastBriefingTests.visibleText(String(decoding: file.contents, as: UTF8.self))
                .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        }
        let national = try text("index.html"), nation = try text("nations/northland/index.html")
        let region = try text("regions/southshire/index.html")

        // The subject is the release's own words, and shares say what they are of.
        #expect(national.contains("test records"), "\(shape)")
        #expect(national.contains("40% took place on Chatter, where the channel was known"), "\(shape)")
        // Acme's own share was not published: it is not inferred, and no sentence claims it.
        #expect(!national.contains("on Acme-owned apps"), "\(shape)")
        #expect(!national.contains("40% of all") && !national.contains("40% of the"), "\(shape)")
        if shape.recorded {
            // The total is of every record; the known subset is never called the total.
            #expect(!national.contains("test records where the channel was known (") || shape.subsetCount, "\(shape)")
        } else {
            #expect(national.contains("test records where the channel was known"), "\(shape)")
        }
        // A series of one period has nothing to compare; more than one, a table of every period and a change.
        if shape.years == 1 {
            for page in [national, nation, region] {
                #expect(!page.contains("Over time") && !page.contains("Compared with"), "\(shape)")
            }
        } else {
            for period in shape.periods { #expect(nation.contains(String(period.prefix(4))), "\(shape): \(period) missing") }
            #expect(nation.contains("With every force of the area giving figures for both periods (one†), the figure went from"), "\(shape)")
            #expect(!nation.contains("not directly comparable"), "\(shape)")
        }
        if shape.years == 7 {
            #expect(nation.contains("Compared with January 2015 to December 2015, the first period of the series"), "\(shape)")
            // 150 → 240 over the series: up 60%, no multiple claimed.
            #expect(nation.contains("from 150† in January 2015 to December 2015 to 240† in January 2021 to December 2021: up by 90† (60%†)."), "\(shape)")
            // A total across periods only where every period has a figure over the same forces.
            #expect(nation.contains("recorded from January 2015 to December 2021, the sum of each period's figure"), "\(shape)")
        }
        if shape.missingCell {
            let west = try text("forces/west-force/index.html")
            #expect(west.contains("[x]"), "\(shape)")
            // A force with a missing year gets no total across the years.
            #expect(!west.contains("the sum of each period's figure"), "\(shape)")
        }
        // The region reads with its display name.
        #expect(region.contains("Police in the Southshire region recorded"), "\(shape)")
    }
}
