/// An area's figures for one period: headline, counts, breakdown and the focus owner's share.
public struct PeriodSummaryModel: TemplateModel {
    public var period: String = ""
    public var hasFigures = false
    /// Gaps between the published figure and its parts, for this period.
    public var gaps: [ReconciliationModel] = []
    /// The count a page leads with: every instance recorded when published, else the known subset.
    public var headline: Figure?
    public var hasHeadline = false
    public var headlineKnownOnly = false
    public var recorded: Figure?
    public var hasRecorded = false
    public var total: Figure?
    /// Prose needs a number; tables may show a marker.
    public var hasTotal = false
    public var platforms: [PlatformModel] = []
    /// Ranked only when every platform of its own has a count: a missing one could be the largest.
    public var largest: PlatformModel?
    public var hasPlatforms = false
    public var hasPlatformCounts = false
    /// Every figure absent when no platform has an owner, so sections on them render nothing.
    public var owner = OwnerModel()
    public var focus: [FocusModel] = []
    public var hasOwner = false
    public var columns: [String] = []
    public var cells: [CellModel] = []
    /// The breakdown drawn as bars, beside its table.
    public var breakdownChart: Chart?

    public init() {}

    public static var fields: [TemplateField<Self>] {[
        .text("period", \.period), .flag("has_figures", \.hasFigures), .list("gaps", \.gaps),
        .figure("headline", \.headline), .flag("has_headline", \.hasHeadline), .flag("headline_known_only", \.headlineKnownOnly),
        .figure("recorded", \.recorded), .flag("has_recorded", \.hasRecorded), .figure("total", \.total), .flag("has_total", \.hasTotal),
        .list("platforms", \.platforms), .optional("largest", \.largest), .flag("has_platforms", \.hasPlatforms),
        .flag("has_platform_counts", \.hasPlatformCounts), .object("owner", \.owner), .list("focus", \.focus),
        .flag("has_owner", \.hasOwner), .texts("columns", \.columns), .list("cells", \.cells),
        .chart("breakdown_chart", \.breakdownChart),
    ]}
}
