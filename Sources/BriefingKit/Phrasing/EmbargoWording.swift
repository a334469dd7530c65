import Foundation

/// An embargo time as a UK press release writes it: "EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021".
///
/// The time is UK time (the `Europe/London` zone: GMT in winter, BST in summer), whatever the
/// machine's zone, and in the 24-hour clock ("00:01", "12:00", "23:59"), as press offices write it.
/// The day and month names are English names written here, not the machine's locale, so the
/// same embargo gives the same words on every machine.
public enum EmbargoWording {
    /// The zone every embargo is written in.
    public static let zone = TimeZone(identifier: "Europe/London")!

    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// "EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021": the embargo line at the top of a release.
    public static func line(_ date: Date) -> String {
        "EMBARGOED UNTIL " + time(date).uppercased()
    }

    /// "00:01 Friday 26 March 2021", in UK time.
    public static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute, .weekday, .day, .month, .year], from: date)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0
        let clock = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        let weekday = weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = YearMonth.monthNames[((parts.month ?? 1) - 1) % 12]
        return "\(clock) \(weekday) \(parts.day ?? 1) \(month) \(parts.year ?? 0)"
    }

    /// "GMT" or "BST": which UK time the embargo falls in.
    public static func zoneName(_ date: Date) -> String {
        zone.isDaylightSavingTime(for: date) ? "BST" : "GMT"
    }
}
