/// The values every page shares, built once.
public struct SharedModel: TemplateModel {
    public var release: ReleaseModel
    public var national: AreaModel?
    /// Figures the release cites from other bodies (its own findings are per page).
    public var context: [ContextItemModel]
    public var hasContext: Bool
    public var nations: [AreaModel]
    public var hasNations: Bool
    public var regions: [AreaModel]
    public var hasRegions: Bool
    /// Forces with a page whose nation or region has none: listed on the national page, so every page can be reached.
    public var otherForces: [AreaModel]
    public var hasOtherForces: Bool
    /// The regions table has a share column only when some region has the share.
    public var hasRegionShares: Bool
    /// The regions' shares against the national share, drawn beside the regions table.
    public var comparisonChart: Chart?
    /// The embargo while it holds, and the press release's frame: read by every page, layout and embed.
    public var embargo: EmbargoModel
    public var press: PressModel

    public static var fields: [TemplateField<Self>] {[
        .object("release", \.release), .optional("national", \.national), .list("context", \.context),
        .flag("has_context", \.hasContext), .flag("has_nations", \.hasNations), .list("nations", \.nations),
        .flag("has_regions", \.hasRegions), .list("other_forces", \.otherForces), .flag("has_other_forces", \.hasOtherForces),
        .list("regions", \.regions), .flag("has_region_shares", \.hasRegionShares),
        .chart("comparison_chart", \.comparisonChart), .object("embargo", \.embargo), .object("press", \.press),
    ]}
}
