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

    /// SOURCE_DATE_EPOCH: whole seconds since 1970 in decimal digits, no later than `latest`
    /// (the reproducible-builds specification asks a build to fail on a malformed value).
    public static func epoch(_ text: String) -> Date? {
        guard !text.isEmpty, text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(text) else { return nil }
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return date <= latest ? date : nil
    }
}
