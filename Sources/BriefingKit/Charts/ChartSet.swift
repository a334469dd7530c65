/// The charts a page's models carry: a chart when there is one to draw, nil (false to a template)
/// otherwise, so that a template shows one with `{{#series_chart}}{{series_chart}}{{/series_chart}}`.
///
/// What `PageContextBuilder` sets, one line each: `breakdown_chart` beside every area's (and
/// previous period's) breakdown, `series_chart` beside every area's series, and `comparison_chart`
/// on the national page.
public struct ChartSet: Sendable {
    public let dataset: Dataset

    public init(dataset: Dataset) {
        self.dataset = dataset
    }

    /// The bars of an area's breakdown in one period.
    public func breakdown(_ summary: AreaSummary?) -> Chart? {
        summary.flatMap { BreakdownChart(summary: $0, dataset: dataset).chart }
    }

    /// The bars of an area's series.
    public func series(_ series: AreaSeries?) -> Chart? {
        series.flatMap { SeriesChart(series: $0, dataset: dataset).chart }
    }

    /// Each listed area's share against the top area's, in the order given.
    public func comparison(_ comparisons: [ShareComparison]) -> Chart? {
        guard let top = dataset.top, !comparisons.isEmpty else { return nil }
        return ComparisonChart(comparisons: comparisons, national: top, dataset: dataset).chart
    }
}
