import Foundation

/// Strict readers of the times a build is given: `--now`, `embargo:` and SOURCE_DATE_EPOCH.
///
/// Foundation's ISO 8601 parser rolls impossible dates over (31 April becomes 1 May) and reads
/// offsets such as +99:00; an embargo read that way moves silently. These accept only real
/// calendar times, so a typo is an error rather than a different time.
public enum Timestamp {
    /// The latest time a build accepts: the end of the year 9999, as ISO 8601 can write it.
    public static let latest = Date(timeIntervalSince1970: 253_402_300_799)

    /// `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)`, with a real day, hour and minute and an offset of
    /// at most 14 hours (the widest in use); nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let year = Int(match.1)!, month = Int(match.2)!, day = Int(match.3)!
        let hour = Int(match.4)!, minute = Int(match.5)!, second = match.6.map { Int($0)! } ?? 0
        guard (1...12).contains(month), (1...CalendarDate.days(inMonth: month, of: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        var offset = 0
        if let sign = match.8, let hours = match.9.flatMap({ Int($0) }), let minutes = match.10.flatMap({ Int($0) }) {
            guard hours <= 14, minutes <= 59, hours < 14 || minutes == 0 else { return nil }
            offset = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let utc = calendar.date(from: components) else { return nil }
        return utc.addingTimeInterval(TimeInterval(-offset))
    }

    /// RFC 3339 in UTC, to the second (`2021-03-26T00:01:00Z`), the fraction dropped, as
    /// `ISO8601DateFormatter` writes it.
    ///
    /// By arithmetic on the seconds (the proleptic Gregorian calendar): a formatter was made for
    /// every page. Times before 1900 go to Foundation, whose calendar turns Julian before 1582.
    public static func rfc3339(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= -2_208_988_800, seconds <= latest.timeIntervalSince1970 else {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: date)
        }
        let (days, second) = Int(seconds).quotientAndRemainder(dividingBy: 86_400)
        let (day, time) = second < 0 ? (days - 1, second + 86_400) : (days, second)
        let civil = civilDate(daysSince1970: day)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(civil.year)-\(two(civil.month))-\(two(civil.day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }

    /// The Gregorian year, month and day that many days after 1 January 1970 (Howard Hinnant's
    /// days-to-civil algorithm, over 400-year eras of 146,097 days counted from 1 March).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// SOURCE_DATE_EPOCH: whole seconds since 1970 in decimal digits, no later than `latest`
    /// (the reproducible-builds specification asks a build to fail on a malformed value).
    public static func epoch(_ text: String) -> Date? {
        guard !text.isEmpty, text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(text) else { return nil }
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return date <= latest ? date : nil
    }
}
