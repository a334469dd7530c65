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
    /// Number of months covered, both ends included.
    public var months: Int { (last.year - first.year) * 12 + last.month - first.month + 1 }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.first, lhs.last) < (rhs.first, rhs.last)
    }
}
