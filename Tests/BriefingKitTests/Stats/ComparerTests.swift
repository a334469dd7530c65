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
        #expect(change.basis == "32 forces answered for April 2018 to March 2019 and 35 for October 2019 to September 2020")
        #expect(change.difference == nil)
    }

    @Test func eastChangeIsNotComparableWhenTheForcesAreUnknown() throws {
        let change = try #require(statistics.changes["East of England"])
        #expect(change.comparable == false)
        #expect(change.basis == "which forces stand behind the figure for October 2019 to September 2020 is not known")
    }
}
