import Testing
@testable import BriefingKit

/// A region against the nation, and a year against the year before, compared fairly.
@Suite struct ComparerTests {
    let statistics: Statistics
    init() throws { statistics = try Repository.statistics() }

    @Test func eastIsFourPointsBelowTheNationalShare() throws {
        let comparison = try #require(statistics.comparisons["East of England"])
        #expect(comparison.share.value == .percent(48, decimals: 0))
        #expect(comparison.national.value == .percent(52, decimals: 0))
        #expect(comparison.difference.value == .points(-4, decimals: 0))
        // 48% of 1,075, taken as anywhere in [47.5%, 48.5%]: Wilson 95% from 44.5% to 51.5%.
        let interval = try #require(comparison.interval)
        #expect(abs(interval.low - 44.52) < 0.01)
        #expect(abs(interval.high - 51.48) < 0.01)
        #expect(comparison.direction == .lower)
    }

    @Test func wilsonIntervalMatchesHandComputation() throws {
        // 48 of 100, z = 1.96: centre (0.48 + 0.0192) / 1.0384 = 0.4807, half-width 0.0961.
        let interval = try #require(WilsonInterval(successes: 48, trials: 100))
        #expect(abs(interval.low - 38.46) < 0.01)
        #expect(abs(interval.high - 57.68) < 0.01)
        #expect(WilsonInterval(successes: 1, trials: 0) == nil)
    }

    @Test func similarWhenTheNationalShareIsInsideTheInterval() throws {
        let interval = try #require(WilsonInterval(publishedPercent: 48, decimals: 0, trials: 100))
        #expect(interval.contains(52))
    }

    @Test func nationalChangeIsNotComparableAcrossDifferentForces() throws {
        let change = try #require(statistics.changes["United Kingdom"])
        #expect(change.comparable == false)
        guard case .coverageDiffers(let previous, let current) = change.basis else {
            Issue.record("expected different coverage, got \(change.basis)")
            return
        }
        #expect(previous.forcesAnswered == 32)
        #expect(current.forcesAnswered == 35)
        #expect(change.difference == nil)
    }

    @Test func eastChangeIsNotComparableWhenTheForcesAreUnknown() throws {
        let change = try #require(statistics.changes["East of England"])
        #expect(change.comparable == false)
        #expect(change.basis == .forcesUnknown(Period("2019-10/2020-09")!))
    }
}

/// Changes between periods are counted only over the forces present in both.
@Suite struct ForcesInBothTests {
    /// A sum of some forces is never passed off as a region's trend: North's 2023 total (400) is not
    /// the sum of its forces' figures (Alpha's 150; Beta gave [x]), and North had no total for 2022.
    @Test func noRegionChangeFromForcesThatAreNotTheRegionsFigure() throws {
        var log = DiagnosticLog()
        let dataset = try DataLoader(fileSystem: Repository.fileSystem).load(from: Repository.fixtures + "/small/Data", log: &log)
        let north = try #require(dataset.area(named: "North"))
        #expect(Comparer(dataset: dataset).change(of: north, from: Period("2022-01/2022-12")!, to: Period("2023-01/2023-12")!) == nil)
        // Alpha Police against itself is a like-for-like change.
        let alpha = try #require(dataset.area(named: "Alpha Police"))
        let change = try #require(Comparer(dataset: dataset).change(of: alpha, from: Period("2022-01/2022-12")!, to: Period("2023-01/2023-12")!))
        #expect(change.comparable && change.basis == .sameForce)
        #expect(change.difference?.value == .count(30))
        #expect(change.percentChange?.value == .change(25, decimals: 0))
    }

    @Test func sizeTransformDropsTheSign() {
        let fall = Figure(id: "f", label: "", value: .count(-30), derivation: .computed(.difference, inputs: []), sources: [])
        #expect(FigureWording.apply("size", to: fall) == .success("30"))
        #expect(FigureWording.apply("number", to: fall) == .success("-30"))
    }

    /// A region whose figure is Alpha's one year and Alpha's and Beta's the next has no trend to tell.
    @Test func regionWhoseForcesChangeIsNotComparable() throws {
        var log = DiagnosticLog()
        let base = try DataLoader(fileSystem: Repository.fileSystem).load(from: Repository.fixtures + "/small/Data", log: &log)
        let location = SourceLocation(path: "figures.csv", line: 1, column: 1)
        func row(_ period: String, _ area: String, _ n: Int) -> Observation {
            Observation(period: Period(period)!, area: area, platform: Platform.all, measure: .count, value: .count(n),
                        source: base.observations[0].source, location: location)
        }
        let rows = [row("2021-01/2021-12", "North", 100), row("2021-01/2021-12", "Alpha Police", 100),
                    row("2023-01/2023-12", "North", 250), row("2023-01/2023-12", "Alpha Police", 150), row("2023-01/2023-12", "Beta Police", 100)]
        let dataset = Dataset(release: base.release, areas: base.areas, platforms: base.platforms, sources: base.sources,
                              observations: rows, quotes: [], context: [])
        let north = try #require(dataset.area(named: "North"))
        let change = try #require(Comparer(dataset: dataset).change(of: north, from: Period("2021-01/2021-12")!, to: Period("2023-01/2023-12")!))
        #expect(!change.comparable)
        if case .differentForces = change.basis {} else { Issue.record("basis is \(change.basis)") }
    }
}
