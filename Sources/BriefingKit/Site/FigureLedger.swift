/// Every figure the statistics give, by id: the methods page lists them and the downloads carry them.
///
/// Held as one array in id order (what the methods pages and downloads read), with the few
/// figures added later kept aside until `sorted` is asked for: a table keyed by id would take
/// twice the memory of the figures themselves, and 10,000 areas give half a million of them.
public struct FigureLedger: Sendable {
    /// The figures in id order, each id once.
    private var inOrder: [Figure] = []
    /// Figures added since, whose ids `inOrder` lacks.
    private var added: [String: Figure] = [:]

    /// A ledger of no figures.
    public init() {}

    public init(statistics: Statistics, builder: PageContextBuilder) {
        // Each id once, the later figure kept where two share one, as a table keyed by id would keep it.
        var figures: [Figure] = [], positions: [String: Int] = [:]
        let add = { (figure: Figure?) in
            guard let figure else { return }
            if let index = positions[figure.id] { figures[index] = figure } else { positions[figure.id] = figures.count; figures.append(figure) }
        }
        // Every published row, of every period and with every marker, whether or not a page shows it.
        for figure in statistics.dataset.publishedFigures { add(figure) }
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
        positions = [:]
        figures.sort { $0.id < $1.id }
        inOrder = figures
    }

    /// The figure with this id, if the ledger holds one.
    public subscript(id: String) -> Figure? {
        if let index = inOrder.index(ofSortedID: id) { return inOrder[index] }
        return added[id]
    }

    /// Adds a figure, or replaces the one with its id.
    public mutating func add(_ figure: Figure?) {
        guard let figure else { return }
        if let index = inOrder.index(ofSortedID: figure.id) { inOrder[index] = figure } else { added[figure.id] = figure }
    }

    public mutating func merge(_ other: [String: Figure]) {
        other.values.forEach { add($0) }
    }

    /// Folds the figures added since into the array in id order, so that `sorted` hands out the
    /// ledger's own array (shared, not copied) until the next change.
    public mutating func settle() {
        guard !added.isEmpty else { return }
        inOrder = sorted
        added = [:]
    }

    /// Figures in id order, so that every list of them is the same from build to build.
    public var sorted: [Figure] {
        guard !added.isEmpty else { return inOrder }
        return (inOrder + added.values).sorted { $0.id < $1.id }
    }
}
