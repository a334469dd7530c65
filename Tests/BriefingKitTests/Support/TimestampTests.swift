import Foundation
import Testing
@testable import BriefingKit

/// The times a build is given are read strictly: an impossible date or offset is refused, not rolled over.
@Suite struct TimestampTests {
    @Test(arguments: [
        ("2021-03-26T00:01:00Z", 1_616_716_860.0),
        ("2021-03-26T00:01Z", 1_616_716_860.0),
        ("2021-03-26T00:01:00+00:00", 1_616_716_860.0),
        // An hour ahead of UTC is an hour earlier in UTC.
        ("2021-03-26T01:01:00+01:00", 1_616_716_860.0),
        ("2021-03-25T19:01:00-05:00", 1_616_716_860.0),
        ("2021-03-26T00:01:00.500Z", 1_616_716_860.0),
        ("2024-02-29T12:00:00Z", 1_709_208_000.0),
    ])
    func realTimesAreRead(_ text: String, _ seconds: Double) {
        #expect(Timestamp.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2021-04-31T00:01:00Z", "2021-02-29T00:00:00Z", "2021-13-01T00:00:00Z", "2021-03-26T24:00:00Z",
        "2021-03-26T00:60:00Z", "2021-03-26T00:01:61Z", "2021-03-26T00:01:00+99:00", "2021-03-26T00:01:00+09:60",
        "2021-03-26T00:01:00+14:30", "-2021-03-26T00:01:00Z", "2021-03-26T00:01:00", "2021-03-26", " 2021-03-26T00:01:00Z",
        "26 March 2021 00:01", "",
    ])
    func impossibleOrIncompleteTimesAreRefused(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func sourceDateEpochIsDigitsOnly() {
        #expect(Timestamp.epoch("1616716859")?.timeIntervalSince1970 == 1_616_716_859)
        #expect(Timestamp.epoch("0")?.timeIntervalSince1970 == 0)
        for bad in [" 1616716859", "1616716859 ", "abc", "", " ", "1e9", "0x10", "+1616716859", "1616716859.9", "-1",
                    "99999999999999999999", "9223372036854775807", "nan", "inf", "253402300800"] {
            #expect(Timestamp.epoch(bad) == nil, "\(bad)")
        }
        #expect(Timestamp.epoch("253402300799") == Timestamp.latest)
    }

    /// Hand-computed: the build time on pages, in the feed, sitemap and spreadsheet.
    @Test(arguments: [
        (1_616_716_860.0, "2021-03-26T00:01:00Z"),
        (951_782_400.0, "2000-02-29T00:00:00Z"),
        (4_107_542_399.0, "2100-02-28T23:59:59Z"),
        (4_107_542_400.0, "2100-03-01T00:00:00Z"),
        (0.0, "1970-01-01T00:00:00Z"),
        (59.7, "1970-01-01T00:00:59Z"),
        (-0.5, "1969-12-31T23:59:59Z"),
        (-86_400.0, "1969-12-31T00:00:00Z"),
        (-2_208_988_800.0, "1900-01-01T00:00:00Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z"),
    ])
    func timesAreWrittenInUTCToTheSecond(_ seconds: Double, _ text: String) {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: seconds)) == text)
    }

    /// Written as Foundation's `ISO8601DateFormatter` wrote them before, at 5,000 times spread over
    /// 1900–9999 (with fractions of a second, which are dropped), each day's edges, and before 1900,
    /// where Foundation still writes them (its calendar turns Julian before 1582).
    @Test func timesAreWrittenAsFoundationWroteThem() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var times: [Double] = [-2_208_988_801, -2_208_988_800.5, -12_219_292_800, -62_135_596_801, 253_402_300_799.9]
        // A step of 51,121,123 s (a prime, 591 days and a few hours) lands on every time of day and month in turn.
        for whole in stride(from: -2_208_988_800, through: 253_402_300_799, by: 51_121_123) {
            let seconds = Double(whole)
            times += [seconds, seconds + 0.999, seconds - seconds.truncatingRemainder(dividingBy: 86_400)]
        }
        for seconds in times {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.rfc3339(date) == formatter.string(from: date), "\(seconds)")
        }
    }

    /// A line break inside a field is quoted however it is written: CR LF is one Character to Swift.
    @Test func csvQuotesEveryKindOfLineBreak() {
        #expect(DownloadWriter.csvField("a\r\n=3+3") == "\"a\r\n=3+3\"")
        #expect(DownloadWriter.csvField("a\n=3+3") == "\"a\n=3+3\"")
        #expect(DownloadWriter.csvField("a\r=3+3") == "\"a\r=3+3\"")
        #expect(DownloadWriter.csvField("=3+3") == "'=3+3")
        #expect(DownloadWriter.csvField("plain") == "plain")
    }
}
