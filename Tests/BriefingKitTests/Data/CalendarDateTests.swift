import Testing
@testable import BriefingKit

/// `published:` in release.yaml: a real day, written YYYY-MM-DD.
@Suite struct CalendarDateTests {
    @Test func aDayIsReadAndNamed() throws {
        let day = try #require(CalendarDate("2021-03-26"))
        #expect((day.year, day.month, day.day) == (2021, 3, 26))
        #expect(day.name == "26 March 2021")
        #expect(day.code == "2021-03-26")
        #expect(CalendarDate("2023-08-04")?.name == "4 August 2023")
    }

    @Test func onlyRealDaysAreAccepted() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
        for text in ["2021-02-29", "1900-02-29", "2021-04-31", "2021-13-01", "2021-00-10", "2021-01-00", "2021-3-26",
                     "26/03/2021", "2021-03-26T00:00", "", "２０２１-03-26", "+021-03-26"] {
            #expect(CalendarDate(text) == nil, "\(text) is not a day")
        }
    }

    @Test func daysAreOrdered() throws {
        #expect(try #require(CalendarDate("2021-03-26")) < #require(CalendarDate("2021-04-01")))
        #expect(try #require(CalendarDate("2020-12-31")) < #require(CalendarDate("2021-01-01")))
    }
}
