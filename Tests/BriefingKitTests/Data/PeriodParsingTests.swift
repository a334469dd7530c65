import Testing
@testable import BriefingKit

/// `YYYY-MM` months and `YYYY-MM/YYYY-MM` periods, as written in figures.csv and release.yaml.
struct PeriodParsingTests {
    @Test func monthParses() throws {
        let month = try #require(YearMonth("2019-10"))
        #expect(month.year == 2019)
        #expect(month.month == 10)
        #expect(month.code == "2019-10")
        #expect(month.name == "October 2019")
        #expect(YearMonth("2020-01")?.code == "2020-01")
    }

    @Test(arguments: ["2019-13", "2019-00", "2019-1", "19-10", "2019/10", "2019-10-01", "", "2019-", "-10",
                      "２０１９-10", "2019-１0", "Oct 2019", " 2019-10"])
    func malformedMonthsAreRefused(_ text: String) {
        #expect(YearMonth(text) == nil)
    }

    /// `Int("+201")` is 201, so a sign slips through the four-character check. Model/ is not this
    /// file's owner's to change; recorded here so the fix shows up as this known issue disappearing.
    @Test func signedYearIsRefused() {
        #expect(YearMonth("+201-10") == nil)
    }

    @Test func periodParses() throws {
        let period = try #require(Period("2019-10/2020-09"))
        #expect(period.first == YearMonth(year: 2019, month: 10))
        #expect(period.last == YearMonth(year: 2020, month: 9))
        #expect(period.code == "2019-10/2020-09")
        #expect(period.name == "October 2019 to September 2020")
        #expect(period.months == 12)
        #expect(!period.isReversed)
        #expect(Period("2020-01/2020-01")?.months == 1)
    }

    /// A reversed period parses, so that the loader can say which way round to write it.
    @Test func reversedPeriodParsesAndSaysSo() throws {
        let period = try #require(Period("2020-09/2019-10"))
        #expect(period.isReversed)
    }

    @Test(arguments: ["2019-10", "2019-10/", "/2020-09", "2019-10/2020-09/2021-08", "2019-10 to 2020-09",
                      "2019-10-2020-09", "2019-10/2020-13", "2019-10\\2020-09", ""])
    func malformedPeriodsAreRefused(_ text: String) {
        #expect(Period(text) == nil)
    }

    @Test func periodsOrderByFirstThenLastMonth() throws {
        let earlier = try #require(Period("2018-04/2019-03"))
        let later = try #require(Period("2019-10/2020-09"))
        let longer = try #require(Period("2019-10/2020-12"))
        #expect(earlier < later)
        #expect(later < longer)
    }
}
