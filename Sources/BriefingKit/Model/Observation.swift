/// One row of `figures.csv`: a figure as published, and where the row sits in the file.
public struct Observation: Sendable, Hashable {
    public let period: Period
    public let area: String
    public let platform: String
    public let measure: Measure
    public let value: Quantity
    public let source: String
    public let location: SourceLocation
    /// For a published change, the period it is measured from ("since 2017/18").
    public let basePeriod: Period?
    /// The `note` column: what the publisher said about the figure (a revision, a caveat).
    public var note: String? = nil
    /// Revised since it was first published: shown with [r].
    public var revised = false

    public init(period: Period, area: String, platform: String, measure: Measure, value: Quantity,
                source: String, location: SourceLocation, basePeriod: Period? = nil) {
        self.basePeriod = basePeriod
        self.period = period
        self.area = area
        self.platform = platform
        self.measure = measure
        self.value = value
        self.source = source
        self.location = location
    }

    /// The cell this row fills; two rows for one cell are an error.
    public var key: Key { Key(period: period, area: area, platform: platform, measure: measure, basePeriod: basePeriod) }

    public struct Key: Sendable, Hashable {
        public let period: Period
        public let area: String
        public let platform: String
        public let measure: Measure
        public var basePeriod: Period? = nil
    }
}
