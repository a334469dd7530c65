import Testing
@testable import BriefingKit

/// An area's summary asked for on its own (`Statistics.summary(of:in:)`, what a region's table of
/// its forces reads) is the summary of its whole statistics, whether they are kept or not.
@Suite struct StatisticsCacheTests {
    @Test(arguments: ["example-2023", "small", "suppression"])
    func aSummaryOnItsOwnIsTheOneItsStatisticsHold(_ fixture: String) throws {
        var log = DiagnosticLog()
        let loaded = try DataLoader(fileSystem: Repository.fileSystem).load(from: Repository.fixtures + "/\(fixture)/Data", log: &log)
        let dataset = DisclosureControl(threshold: loaded.release.disclosureThreshold).apply(to: loaded).dataset
        let maker = AreaStatisticsMaker(dataset: dataset)
        let periods = [dataset.release.period] + (dataset.previousPeriod.map { [$0] } ?? [])
        // Asked first on its own, then after the area's statistics are kept: the same either way.
        let statistics = StatisticsEngine().run(dataset)
        var compared = 0
        for area in dataset.areas {
            let whole = maker.make(area)
            let expected = [whole.current] + (whole.previous.map { [$0] } ?? [])
            let alone = periods.map { statistics.summary(of: area.name, in: $0) }
            _ = statistics.of(area.name)
            let kept = periods.map { statistics.summary(of: area.name, in: $0) }
            #expect(alone == expected, "\(area.name)")
            #expect(kept == expected, "\(area.name)")
            #expect(statistics.current[area.name] == whole.current)
            #expect(statistics.previous[area.name] == whole.previous)
            compared += expected.count
        }
        #expect(compared >= dataset.areas.count)
        #expect(statistics.summary(of: "Nowhere", in: dataset.release.period) == nil)
    }
}
