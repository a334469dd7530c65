/// An area's headline count in every period of the series, and its totals across periods.
public struct AreaSeries: Sendable, Hashable {
    /// One period of the series: the area's headline count, or nil when no row gives one.
    public struct Point: Sendable, Hashable {
        public let period: Period
        public let count: Figure?
    }

    public let area: Area
    public let points: [Point]
    /// Totals across several periods: those the release published (each with its own span),
    /// and one the tool computed over the whole series where it could do so like for like.
    public let cumulative: [Figure]
    /// The total the tool computed over the whole series, also when a published one covers the same span.
    public let computedTotal: Figure?
    /// Changes the release published for this area in the release period ("up 82% since 2017/18").
    public let publishedChanges: [Figure]

    /// Whether there is anything to show beyond a single period.
    public var hasSeries: Bool { points.filter { $0.count != nil }.count > 1 }
}
