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
    public let changes: [String: PeriodChange]
    public let reconciliations: [Reconciliation]
    /// Gaps and disagreements, for stderr and the methods page.
    public let warnings: [Diagnostic]

    public var national: AreaSummary? { dataset.top.flatMap { current[$0.name] } }
}
