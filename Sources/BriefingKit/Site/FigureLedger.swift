/// Every figure the statistics give, by id: the methods page lists them and the downloads carry them.
public struct FigureLedger: Sendable {
    public private(set) var figures: [String: Figure] = [:]

    public init(statistics: Statistics, builder: PageContextBuilder) {
        // Every published row, of every period and with every marker, whether or not a page shows it.
        for row in statistics.dataset.observations { add(AreaSummarizer.figure(for: row, in: statistics.dataset)) }
        let summaries = statistics.current.values.map { $0 } + statistics.previous.values.map { $0 }
        for summary in summaries {
            add(summary.recorded)
            add(summary.total)
            for item in summary.platforms { add(item.count); add(item.share); add(item.shareOfOwner) }
            for group in summary.owners { add(group.count); add(group.publishedShare); add(group.calculatedShare) }
        }
        for comparison in statistics.comparisons.values { add(comparison.difference) }
        for change in Array(statistics.changes.values) + Array(statistics.changesFromFirst.values) {
            add(change.current); add(change.previous); add(change.difference); add(change.percentChange)
            // The figures that say on what basis (forces counted, forces listed): the methods page shows them for every area.
            builder.basisModel(change).templateValue.figures.forEach { add($0) }
        }
        for series in statistics.series.values {
            series.cumulative.forEach { add($0) }
            add(series.computedTotal)
        }
        for item in statistics.reconciliations { add(item.parent); item.children.forEach { add($0) }; add(item.sumFigure); add(item.gapFigure) }
        for coverage in statistics.dataset.release.coverage { add(builder.coverageFigure(coverage)) }
        for item in statistics.dataset.context { add(builder.contextFigure(item)) }
        builder.disclosureFigures.forEach { add($0) }
    }

    public mutating func add(_ figure: Figure?) {
        guard let figure else { return }
        figures[figure.id] = figure
    }

    public mutating func merge(_ other: [String: Figure]) {
        other.values.forEach { add($0) }
    }

    /// Figures in id order, so that every list of them is the same from build to build.
    public var sorted: [Figure] { figures.values.sorted { $0.id < $1.id } }
}
