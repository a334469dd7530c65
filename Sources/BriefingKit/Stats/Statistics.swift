/// The results of every statistics module for a release: what the pages are filled from.
///
/// What covers the whole release (the national summary, the checks, the warnings) is computed
/// once; each area's summaries, comparisons and series when first asked for (`of(_:)`), and only
/// the most recently used areas' are kept, so that memory does not grow with the number of areas.
public struct Statistics: Sendable {
    public let dataset: Dataset
    /// The owner whose apps the briefing is about, when any platform has an owner.
    public let focusOwner: String?
    /// Gaps and disagreements, for stderr and the methods page.
    public let warnings: [Diagnostic]
    /// Whether any area has a comparison with the national share.
    public let hasComparisons: Bool
    /// The names of the areas with a change from the previous period, and of those with checks.
    let areasWithChange: Set<String>
    let areasWithChecks: Set<String>
    let maker: AreaStatisticsMaker
    private let cache: RecentCache<String, AreaStatistics>
    /// Summaries asked for on their own (a region's table of its forces), so that they do not make
    /// a whole area's statistics: a summary is about a quarter of them.
    private let summaries: RecentCache<SummaryKey, AreaSummary>

    struct SummaryKey: Hashable, Sendable {
        let area: String
        let period: Period
    }

    init(maker: AreaStatisticsMaker, hasComparisons: Bool, areasWithChange: Set<String>, areasWithChecks: Set<String>,
         warnings: [Diagnostic]) {
        self.dataset = maker.dataset
        self.focusOwner = maker.focusOwner
        self.maker = maker
        self.areasWithChecks = areasWithChecks
        self.warnings = warnings
        self.hasComparisons = hasComparisons
        self.areasWithChange = areasWithChange
        // Enough for a batch of pages and the areas they show (a region page shows its forces).
        self.cache = RecentCache(capacity: 128)
        self.summaries = RecentCache(capacity: 256)
    }

    /// The statistics of the area with this name; nil for a name that is no area of the release.
    public func of(_ name: String) -> AreaStatistics? {
        guard let area = dataset.area(named: name) else { return nil }
        return cache.value(for: name) {
            maker.make(area) { period in summaries[SummaryKey(area: name, period: period)] ?? maker.summarizer.summary(of: area, in: period) }
        }
    }

    /// The area's summary in a period, from its statistics when they are kept; else made on its own.
    /// The same summary either way: each is a pure function of the area and the period.
    public func summary(of name: String, in period: Period) -> AreaSummary? {
        guard let area = dataset.area(named: name) else { return nil }
        if let kept = cache[name] {
            if kept.current.period == period { return kept.current }
            if let previous = kept.previous, previous.period == period { return previous }
        }
        return summaries.value(for: SummaryKey(area: name, period: period)) { maker.summarizer.summary(of: area, in: period) }
    }

    /// Per area, the release period's summary.
    public var current: ByArea<AreaSummary> {
        let period = dataset.release.period
        return ByArea { [self] in summary(of: $0, in: period) }
    }
    /// Per area, the previous period's summary, when the release names one.
    public var previous: ByArea<AreaSummary> {
        let period = dataset.previousPeriod
        return ByArea { [self] name in period.flatMap { summary(of: name, in: $0) } }
    }
    public var comparisons: ByArea<ShareComparison> { ByArea(self) { $0.comparison } }
    /// Per area, the change from the previous period of the series to the release period.
    public var changes: ByArea<PeriodChange> { ByArea(self) { $0.change } }
    /// Per area, the change from the first period of the series, when it is not the previous one.
    public var changesFromFirst: ByArea<PeriodChange> { ByArea(self) { $0.changeFromFirst } }
    /// Per area, its headline count in every period, and totals across periods.
    public var series: ByArea<AreaSeries> { ByArea(self) { $0.series } }

    public var national: AreaSummary? { maker.national }

    /// Every check of the release, by period then area: computed anew on each call (a page needs
    /// only its area's, `of(_:)?.checks`).
    public func reconciliations() -> [Reconciliation] {
        maker.reconciler.reconciliations()
    }

    /// One of an area's statistics, looked up by the area's name as in a table.
    public struct ByArea<Value>: Sendable {
        let lookup: @Sendable (String) -> Value?

        init(_ statistics: Statistics, _ pick: @escaping @Sendable (AreaStatistics) -> Value?) {
            lookup = { statistics.of($0).flatMap(pick) }
        }

        init(_ lookup: @escaping @Sendable (String) -> Value?) {
            self.lookup = lookup
        }

        public subscript(name: String) -> Value? {
            lookup(name)
        }
    }
}
