/// One kind of embed: what its file is called, which template fills it, and which areas have one.
///
/// Every kind is built for every area with a briefing page that `applies` accepts, as
/// `embed/<area-slug>/<name>.html` (with its oEmbed file `<name>.json`), framed by
/// `Templates/embed.html`. The content template is filled like a briefing page, with the area
/// as `area`; its first level-1 heading is the embed's title.
///
/// Adding an embed is one more kind in `all`: a name, a template under `Templates/` that holds
/// what it shows (a chart with the table that gives its figures, so that every number in it
/// links to its source), and an `applies` that says which areas have it. Nothing else changes:
/// the briefing page of each such area then shows its embed code too.
public struct EmbedKind: Sendable {
    /// The file name without `.html`: `key-figures`.
    public let name: String
    /// The content template, without `.md`: `embed-key-figures`.
    public let template: String
    /// The least height the frame starts at, in CSS pixels. The embed code and the oEmbed file give
    /// the larger of this and `EmbedHeight`'s estimate of the embed's content at the oEmbed width:
    /// what the frame keeps until the embed reports its own, and on a page that runs no script.
    public let initialHeight: Int
    /// Whether an area (one with a briefing page) has this embed.
    let applies: @Sendable (Area, PageContextBuilder) -> Bool

    public init(name: String, template: String, initialHeight: Int, applies: @escaping @Sendable (Area, PageContextBuilder) -> Bool) {
        self.name = name
        self.template = template
        self.initialHeight = initialHeight
        self.applies = applies
    }

    /// Embeds are for the whole release and for areas with figures for the release period (or a
    /// total across periods that ends with it, as Wales's in 2023): a force whose figures are all
    /// of earlier periods has a page, but no embed.
    static func current(_ area: Area, _ contexts: PageContextBuilder) -> Bool {
        area.parent == nil || contexts.areasWithFigures(area.kind).contains(area)
    }

    /// An area's key figures (`Templates/key-figures.md`).
    public static let keyFigures = EmbedKind(name: "key-figures", template: "embed-key-figures", initialHeight: 520) { area, contexts in
        current(area, contexts)
    }

    /// An area's series chart, with its table and what can be said of its changes (`Templates/series.md`).
    /// Like every chart embed, for each page that draws the chart, a force's as well as a region's.
    public static let series = EmbedKind(name: "series", template: "embed-series", initialHeight: 560) { area, contexts in
        contexts.statistics.series[area.name]?.hasSeries == true
            && ChartSet(dataset: contexts.dataset).series(contexts.statistics.series[area.name]) != nil
    }

    /// An area's breakdown chart for the release period, with its table (`Templates/breakdown.md`).
    public static let breakdown = EmbedKind(name: "breakdown", template: "embed-breakdown", initialHeight: 640) { area, contexts in
        ChartSet(dataset: contexts.dataset).breakdown(contexts.statistics.current[area.name]) != nil
    }

    /// An area's breakdown chart for the previous period, with its table, as its page shows it under
    /// that period's heading (the East of England's and its forces' 2018/19 platforms, 2021).
    public static let previousBreakdown = EmbedKind(name: "previous-breakdown", template: "embed-previous-breakdown", initialHeight: 640) { area, contexts in
        // The national page shows no previous period; a region's and a force's do.
        guard area.parent != nil, let previous = contexts.statistics.previous[area.name], previous.hasFigures else { return false }
        return ChartSet(dataset: contexts.dataset).breakdown(previous) != nil
    }

    /// The regions' shares against the national share, with the regions table (`Templates/regions-table.md`): the top area's only.
    public static let regions = EmbedKind(name: "regions", template: "embed-regions", initialHeight: 640) { area, contexts in
        // The national page's chart, as PageContextBuilder draws it: every region with figures for the release period.
        area.parent == nil && ChartSet(dataset: contexts.dataset)
            .comparison(contexts.areasWithFigures(.region).compactMap { contexts.statistics.comparisons[$0.name] }) != nil
    }

    /// Every kind, in the order the briefing pages list their embed codes.
    public static let all: [EmbedKind] = [.keyFigures, .breakdown, .series, .regions, .previousBreakdown]
}
