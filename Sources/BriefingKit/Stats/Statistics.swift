/// The results of every statistics module for a release: what the pages are filled from.
public struct Statistics: Sendable {
    public let dataset: Dataset
    /// The owner whose apps the briefing is about, when any platform has an owner.
    public let focusOwner: String?
    /// Per area, the release period's summary.
    public let current: [String: AreaSummary]
    /// Per area, the previous period's summary, when the release names one.
    public let previous: [String: AreaSummary]
    public let comparisons: [String: ShareComparison]
    /// Per area, the change from the previous period of the series to the release period.
    public let changes: [String: PeriodChange]
    /// Per area, the change from the first period of the series, when it is not the previous one.
    public let changesFromFirst: [String: PeriodChange]
    /// Per area, its headline count in every period, and totals across periods.
    public let series: [String: AreaSeries]
    public let reconciliations: [Reconciliation]
    /// Gaps and disagreements, for stderr and the methods page.
    public let warnings: [Diagnostic]

    public var national: AreaSummary? { dataset.top.flatMap { current[$0.name] } }
}
