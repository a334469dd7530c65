/// A span of whole months, first and last included: `2019-10/2020-09`.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let first: YearMonth
    public let last: YearMonth

    public init(first: YearMonth, last: YearMonth) {
        self.first = first
        self.last = last
    }

    /// Parses `YYYY-MM/YYYY-MM`; nil when malformed. A reversed period parses (the loader reports it).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = YearMonth(parts[0]), let last = YearMonth(parts[1]) else { return nil }
        self.init(first: first, last: last)
    }

    public var isReversed: Bool { last < first }
    /// "2019-10/2020-09", as written in the data.
    public var code: String { "\(first.code)/\(last.code)" }
    public var description: String { code }
    /// "October 2019 to September 2020".
    public var name: String { "\(first.name) to \(last.name)" }
    /// The name a table heading uses: "2017/18" for a financial year (April to March), "2023"
    /// for a calendar year, else the full name.
    public var shortName: String {
        guard months == 12 else { return name }
        if first.month == 4 { return "\(first.year)/\(String(last.year % 100).count == 1 ? "0" : "")\(last.year % 100)" }
        if first.month == 1 { return String(first.year) }
        return name
    }

    /// Whether this period covers every month of `other` and more.
    public func strictlyContains(_ other: Period) -> Bool {
        first <= other.first && other.last <= last && self != other
    }

    /// Number of months covered, both ends included.
    public var months: Int { (last.year - first.year) * 12 + last.month - first.month + 1 }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.first, lhs.last) < (rhs.first, rhs.last)
    }
}
