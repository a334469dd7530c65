import Foundation
import Testing
@testable import BriefingKit

/// Small counts are shown as [c] everywhere, and no total lets one be worked out.
@Suite struct DisclosureControlTests {
    static let data = Repository.fixtures + "/suppression/Data"

    func loaded() throws -> Dataset {
        var log = DiagnosticLog()
        return try DataLoader(fileSystem: Repository.fileSystem).load(from: Self.data, log: &log)
    }

    func value(_ dataset: Dataset, _ area: String, _ platform: String = Platform.all) -> Quantity? {
        dataset.observations.first { $0.area == area && $0.platform == platform && $0.measure == .count && $0.period.code == "2023-01/2023-12" }?.value
    }

    @Test func defaultThresholdHidesOneToFour() throws {
        #expect(DisclosureControl.defaultThreshold == 4)
        #expect(try loaded().release.disclosureThreshold == 4)
    }

    @Test func smallCountIsHiddenAndASecondCellProtectsIt() throws {
        let (dataset, reasons) = DisclosureControl(threshold: 4).apply(to: try loaded())
        #expect(value(dataset, "Alpha Police") == .marker(.suppressed))
        // North 400 = Alpha 3 + Beta 150 + Gamma 247: hiding Alpha alone would leave 400 − 150 − 247 = 3.
        #expect(value(dataset, "Beta Police") == .marker(.suppressed))
        #expect(value(dataset, "Gamma Police") == .count(247))
        #expect(value(dataset, "North") == .count(400))
        #expect(reasons.values.filter { $0 == .primary }.count == 3)
        #expect(reasons.values.filter { $0 == .secondary }.count == 1)
    }

    @Test func zeroIsNotSuppressed() throws {
        let (dataset, _) = DisclosureControl(threshold: 4).apply(to: try loaded())
        #expect(value(dataset, "Alpha Police", "Other platforms") == .count(0))
        #expect(value(dataset, "Alpha Police", "Chatter") == .marker(.suppressed))
    }

    @Test func thresholdZeroTurnsSuppressionOff() throws {
        let (dataset, reasons) = DisclosureControl(threshold: 0).apply(to: try loaded())
        #expect(reasons.isEmpty)
        #expect(value(dataset, "Alpha Police") == .count(3))
    }

    @Test func noTotalLeavesExactlyOneHiddenCell() throws {
        let control = DisclosureControl(threshold: 4)
        for source in [try loaded(), try Repository.dataset()] {
            let (dataset, _) = control.apply(to: source)
            let rows = Dictionary(uniqueKeysWithValues: dataset.observations.map { ($0.key, $0.value) })
            for group in control.constraintGroups(dataset) {
                let cells = [group.parent] + group.children
                // Only totals whose every part is published (as a number or [c]) can be subtracted down.
                guard cells.allSatisfy({ rows[$0]?.count != nil || rows[$0]?.marker == .suppressed }) else { continue }
                let hidden = cells.filter { rows[$0]?.marker == .suppressed }
                #expect(hidden.count != 1, "\(group.parent.area) \(group.parent.platform): one hidden cell can be recovered")
            }
        }
    }

    @Test func exampleReleaseHidesHertfordshireWhatsAppAndOneMore() throws {
        let (dataset, reasons) = DisclosureControl(threshold: 4).apply(to: try Repository.dataset())
        let hidden = reasons.keys.map { "\($0.area) \($0.platform)" }.sorted()
        // Hertfordshire's 4 on WhatsApp; East WhatsApp 32 − 10 − 8 − 5 − 5 would give it back, so Norfolk's 5 goes too.
        #expect(hidden == ["Hertfordshire WhatsApp", "Norfolk WhatsApp"])
        #expect(dataset.observations.filter { $0.value.marker == .suppressed }.count == 2)
    }

    @Test func hiddenCountAppearsNowhereInTheSite() throws {
        let result = try BuildPipeline(fileSystem: Repository.fileSystem)
            .check(BuildOptions(data: Self.data, templates: Repository.templates))
        let alpha = try #require(result.site.file("forces/alpha-police/index.html"))
        let page = String(decoding: alpha.contents, as: UTF8.self)
        #expect(page.contains("<data value=\"[c]\">[c]</data>"))
        for file in result.site.files {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("data value=\"3\""), "\(file.path) shows the hidden count")
            #expect(!text.contains("data value=\"150\""), "\(file.path) shows the secondary cell")
            #expect(!text.contains("data value=\"153\""), "\(file.path) shows the two hidden cells' sum")
        }
        let csv = String(decoding: try #require(result.site.file("data/figures.csv")).contents, as: UTF8.self)
        #expect(csv.contains("alpha-police--2023-01-2023-12--all-platforms--count,\"Instances recorded where the platform was known, Alpha Police, January 2023 to December 2023\",[c],[c],published"))
        #expect(!csv.contains(",3,"))
        #expect(!result.warnings.contains { $0.message.hasPrefix("North") }, "a gap beside a hidden count would give it back")
    }

    /// A total over several periods, or a published change, would give a hidden year back: both are hidden too.
    @Test func totalsAcrossPeriodsAndChangesDoNotGiveAHiddenYearBack() throws {
        let base = try loaded()
        func row(_ period: String, _ measure: Measure, _ value: Quantity, since: String? = nil) -> Observation {
            Observation(period: Period(period)!, area: "Gamma Police", platform: Platform.all, measure: measure, value: value,
                        source: base.observations[0].source, location: SourceLocation(path: "figures.csv", line: 1, column: 1),
                        basePeriod: since.flatMap { Period($0) })
        }
        let rows = [row("2020-01/2020-12", .count, .count(3)), row("2021-01/2021-12", .count, .count(40)),
                    row("2022-01/2022-12", .count, .count(50)), row("2020-01/2022-12", .count, .count(93)),
                    row("2022-01/2022-12", .change, .percent(1567, decimals: 0), since: "2020-01/2020-12"),
                    row("2022-01/2022-12", .change, .percent(25, decimals: 0), since: "2021-01/2021-12")]
        let dataset = Dataset(release: base.release, areas: base.areas, platforms: base.platforms, sources: base.sources,
                              observations: rows, quotes: [], context: [])
        let (hidden, reasons) = DisclosureControl(threshold: 4).apply(to: dataset)
        let value = { (period: String, measure: Measure) in hidden.observations.first { $0.period.code == period && $0.measure == measure }?.value }
        #expect(value("2020-01/2020-12", .count) == .marker(.suppressed))
        // 93 − 40 − 50 would give the 3 back: the total over the three years is a constraint like any
        // other, so a second year (the smaller, 40) goes, and the total can stay.
        #expect(value("2021-01/2021-12", .count) == .marker(.suppressed))
        #expect(value("2020-01/2022-12", .count) == .count(93))
        #expect(value("2022-01/2022-12", .count) == .count(50))
        // A change from either hidden year goes too: with 50 it would give the year back.
        #expect(hidden.observations.filter { $0.measure == .change }.allSatisfy { $0.value == .marker(.suppressed) })
        #expect(reasons.count == 4)
    }
}
