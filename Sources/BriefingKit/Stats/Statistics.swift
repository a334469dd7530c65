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
    }

    /// The statistics of the area with this name; nil for a name that is no area of the release.
    public func of(_ name: String) -> AreaStatistics? {
        guard let area = dataset.area(named: name) else { return nil }
        return cache.value(for: name) { maker.make(area) }
    }

    /// Per area, the release period's summary.
    public var current: ByArea<AreaSummary> { ByArea(self) { $0.current } }
    /// Per area, the previous period's summary, when the release names one.
    public var previous: ByArea<AreaSummary> { ByArea(self) { $0.previous } }
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
        let statistics: Statistics
        let pick: @Sendable (AreaStatistics) -> Value?

        init(_ statistics: Statistics, _ pick: @escaping @Sendable (AreaStatistics) -> Value?) {
            self.statistics = statistics
            self.pick = pick
        }

        public subscript(name: String) -> Value? {
            statistics.of(name).flatMap(pick)
        }
    }
}
