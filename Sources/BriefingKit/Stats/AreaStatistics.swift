/// One area's statistics, computed when a page asks for them (`Statistics.of(_:)`): its summaries,
/// comparisons and series. Held for a few areas at a time, never for every area of a large release.
public struct AreaStatistics: Sendable {
    /// The release period's summary.
    public let current: AreaSummary
    /// The previous period's summary, when the release has one.
    public let previous: AreaSummary?
    /// The area's share against the national share, for the focus owner.
    public let comparison: ShareComparison?
    /// The change from the previous period of the series to the release period.
    public let change: PeriodChange?
    /// The change from the first period of the series, when it is not the previous one.
    public let changeFromFirst: PeriodChange?
    /// Its headline count in every period, and totals across periods.
    public let series: AreaSeries
    /// Its figures set against their parts (`Reconciler`), by period.
    public let checks: [Reconciliation]
}

/// Computes one area's statistics. Pure: the same area gives the same statistics, however often asked.
struct AreaStatisticsMaker: Sendable {
    let dataset: Dataset
    let summarizer: AreaSummarizer
    let comparer: Comparer
    let seriesBuilder: SeriesBuilder
    let reconciler: Reconciler
    /// Every period of figures.csv, in order: the periods of the checks.
    let periods: [Period]
    /// The top area's summary in the release period, which every comparison is against.
    let national: AreaSummary?
    let focusOwner: String?

    init(dataset: Dataset) {
        self.dataset = dataset
        let summarizer = AreaSummarizer(dataset: dataset)
        self.summarizer = summarizer
        comparer = Comparer(dataset: dataset)
        seriesBuilder = SeriesBuilder(dataset: dataset)
        reconciler = Reconciler(dataset: dataset)
        periods = reconciler.periods
        national = dataset.top.map { summarizer.summary(of: $0, in: dataset.release.period) }
        focusOwner = dataset.focusOwner
    }

    /// `summary`: the area's summary in a period, where one already made can be handed on.
    func make(_ area: Area, summary: ((Period) -> AreaSummary)? = nil) -> AreaStatistics {
        let summary = summary ?? { summarizer.summary(of: area, in: $0) }
        let period = dataset.release.period
        let current = summary(period)
        let previousPeriod = dataset.previousPeriod
        var comparison: ShareComparison?
        if let national, let focusOwner {
            comparison = comparer.shareComparison(current, national: national, owner: focusOwner)
        }
        var fromFirst: PeriodChange?
        if let first = dataset.firstPeriod, first != previousPeriod {
            fromFirst = comparer.change(of: area, from: first, to: period)
        }
        let previous = previousPeriod.map(summary)
        let checks = periods.flatMap { period in
            reconciler.checks(period == current.period ? current : period == previous?.period ? previous! : summary(period), summarizer)
        }
        return AreaStatistics(
            current: current,
            previous: previous,
            comparison: comparison,
            change: previousPeriod.flatMap { comparer.change(of: area, from: $0, to: period) },
            changeFromFirst: fromFirst,
            series: seriesBuilder.series(of: area),
            checks: checks)
    }
}
