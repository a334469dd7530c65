import Foundation

/// Everything in `Data/`, loaded and validated.
public struct Dataset: Sendable {
    public let release: Release
    public let areas: [Area]
    public let platforms: [Platform]
    public let sources: [Source]
    /// The rows of figures.csv, in order, held compactly (`ObservationTable`).
    public private(set) var observations: ObservationTable
    public let quotes: [Quote]
    public let context: [ContextFigure]
    /// Cells that disclosure control turned into `[c]` (a `[c]` from the publisher is not among them).
    public private(set) var hidden: Set<Observation.Key>
    /// The platforms' owners, each once, in platform order.
    public let owners: [String]
    /// The periods of the series, oldest first: every period of figures.csv that does not span others.
    public let seriesPeriods: [Period]
    /// Periods that span two or more periods of the series: published totals over several years.
    public let cumulativePeriods: [Period]
    /// `All recorded` when the release publishes totals of every instance, else `All platforms`:
    /// the count a page leads with and a series follows, the same in every period and area.
    public let headlinePlatform: String
    /// Lookups by key, so that large datasets stay linear; a cell's index in `observations`, not a
    /// second copy of it.
    private let cells: CellIndex
    private let areasByName: [String: Area]
    private let childrenByParent: [String: [Area]]
    /// The indices in `observations` of each area's rows, in order.
    private let rowsByArea: [String: [Int]]

    public init(release: Release, areas: [Area], platforms: [Platform], sources: [Source],
                observations: [Observation], quotes: [Quote], context: [ContextFigure], hidden: Set<Observation.Key> = []) {
        self.hidden = hidden
        self.release = release
        self.areas = areas
        self.platforms = platforms
        self.sources = sources
        self.observations = ObservationTable(observations)
        self.quotes = quotes
        self.context = context
        self.owners = Self.owners(of: platforms)
        self.cells = CellIndex(observations)
        self.rowsByArea = Dictionary(grouping: observations.indices, by: { observations[$0].area })
        self.areasByName = Dictionary(areas.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.childrenByParent = Dictionary(grouping: areas.filter { $0.parent != nil }, by: { $0.parent! })
        (seriesPeriods, cumulativePeriods) = Self.series(of: observations.map(\.period))
        self.headlinePlatform = observations.contains { $0.platform == Platform.recorded && $0.measure == .count } ? Platform.recorded : Platform.all
    }

    /// Periods split, sorted, into the series and the totals across periods: a period that spans two
    /// or more others is a total across them.
    static func series(of periods: [Period]) -> (series: [Period], cumulative: [Period]) {
        let all = Set(periods).sorted()
        let cumulative = all.filter { period in all.filter { period.strictlyContains($0) }.count >= 2 }
        return (all.filter { !cumulative.contains($0) }, cumulative)
    }

    /// The period compared with the release period: `previous_period` when given, else the one before it in the series.
    public var previousPeriod: Period? {
        if let named = release.previousPeriod { return named }
        guard let index = seriesPeriods.firstIndex(of: release.period), index > 0 else { return nil }
        return seriesPeriods[index - 1]
    }

    /// The first period of the series, when it is not the release period itself.
    public var firstPeriod: Period? {
        seriesPeriods.first.flatMap { $0 == release.period ? nil : $0 }
    }

    public func area(named name: String) -> Area? { areasByName[name] }
    public func source(id: String) -> Source? { sources.first { $0.id == id } }
    public func children(of name: String) -> [Area] { childrenByParent[name] ?? [] }
    public var top: Area? { areas.first { $0.parent == nil } }

    /// The published value for one cell, if a row gives it.
    public func observation(_ period: Period, _ area: String, _ platform: String, _ measure: Measure) -> Observation? {
        cells[period, area, platform, measure].map { observations[$0] }
    }

    /// The index in `observations` of the row for one cell, if a row gives it.
    public func observationIndex(_ period: Period, _ area: String, _ platform: String, _ measure: Measure) -> Int? {
        cells[period, area, platform, measure]
    }

    /// A row as its figure, made when asked for: holding every row's would make memory grow with the release.
    public func publishedFigure(of row: Observation) -> Figure {
        AreaSummarizer.figure(for: row, in: self)
    }

    /// The area's rows of figures.csv, in order.
    public func rows(of area: String) -> [Observation] {
        (rowsByArea[area] ?? []).map { observations[$0] }
    }

    /// Shows the rows of these cells as `[c]`, in place. A suppressed row keeps its cell, so every
    /// lookup by cell, area and period still holds and none is made again.
    mutating func conceal(_ cells: [Observation.Key: DisclosureControl.Reason]) {
        for index in observations.indices where cells[observations[index].key] != nil {
            observations.setValue(.marker(.suppressed), at: index)
        }
        hidden.formUnion(cells.keys)
    }

    /// Each owner once, in the order of its first platform.
    static func owners(of platforms: [Platform]) -> [String] {
        platforms.compactMap(\.owner).filter { !$0.isEmpty }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// Every name a figure's platform may be: `All platforms`, each platform, and `<Owner>-owned apps`.
    static func platformNames(_ platforms: [Platform]) -> [String] {
        [Platform.recorded, Platform.all] + platforms.map(\.name) + owners(of: platforms).map(Platform.ownedGroup)
    }

    /// The owner the briefing is about: `focus_owner` in release.yaml, else the first owner by name.
    public var focusOwner: String? { release.focusOwner ?? release.focus.first(where: owners.contains) ?? owners.first }

    /// What the pages lead with: `focus` in release.yaml, else the focus owner alone.
    public var focus: [String] { release.focus.isEmpty ? [focusOwner].compactMap { $0 } : release.focus }

    /// Platforms owned by `owner`, in the order of `platforms.csv`.
    public func platforms(ownedBy owner: String) -> [Platform] { platforms.filter { $0.owner == owner } }
}
