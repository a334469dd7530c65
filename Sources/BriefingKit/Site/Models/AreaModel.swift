/// An area's figures for the release period, with its previous period, comparison, changes and series.
public struct AreaModel: TemplateModel {
    /// The release period's summary; every field of it is the area's own.
    public var summary = PeriodSummaryModel()
    public var name = "", displayName = "", slug = "", url = ""
    public var isNation = false, isTop = false, isForce = false, isRegion = false
    /// What the release says about this area's own coverage in the release period (Yorkshire: three of its four forces).
    public var areaCoverage: CoverageModel?
    /// Only a parent with a page of its own is linked.
    public var parent: LinkModel?
    public var previous: PreviousPeriodModel?
    public var comparison: ComparisonModel?
    public var change, changeFromFirst: ChangeModel?
    public var seriesHasMarkers = false, seriesHasRevisions = false
    public var series: [SeriesPointModel] = []
    public var hasSeries = false
    /// The series drawn as bars, beside its table.
    public var seriesChart: Chart?
    public var cumulative: [CumulativeModel] = []
    public var hasCumulative = false
    public var publishedChanges: [PublishedChangeModel] = []
    public var hasPublishedChanges = false
    /// The area's forces in the release period.
    public var forces: [ForceRowModel] = []
    public var hasForces = false

    public init() {}

    public static var fields: [TemplateField<Self>] {
        TemplateField<Self>.embedded(\.summary) + [
            .text("name", \.name), .text("display_name", \.displayName), .text("slug", \.slug), .flag("is_nation", \.isNation),
            .optional("area_coverage", \.areaCoverage), .flag("is_top", \.isTop), .text("url", \.url), .flag("is_force", \.isForce),
            .flag("is_region", \.isRegion), .optional("parent", \.parent), .optional("previous", \.previous),
            .optional("comparison", \.comparison), .optional("change", \.change), .optional("change_from_first", \.changeFromFirst),
            .flag("series_has_markers", \.seriesHasMarkers), .flag("series_has_revisions", \.seriesHasRevisions),
            .list("series", \.series), .flag("has_series", \.hasSeries), .list("cumulative", \.cumulative),
            .flag("has_cumulative", \.hasCumulative), .list("published_changes", \.publishedChanges),
            .flag("has_published_changes", \.hasPublishedChanges), .list("forces", \.forces), .flag("has_forces", \.hasForces),
            .chart("series_chart", \.seriesChart),
        ]
    }
}
