/// The main methods page: how figures are obtained and worded, the national figures (and those of
/// no area) with how each was obtained, the national checks, the sources, and a link to each area's
/// methods page.
public struct MethodsPageModel: TemplateModel {
    public var figures: [MethodsEntryModel]
    public var reconciliations: [ReconciliationModel]
    public var hasReconciliations, hasComparisons: Bool
    public var changes: [AreaChangeModel]
    public var hasChanges: Bool
    public var sources: [SourceModel?]
    public var disclosure: DisclosureModel
    /// The methods pages of the nations, regions and forces, in the site's order (`url` from the site's root).
    public var nationPages: [LinkModel] = [], regionPages: [LinkModel] = [], forcePages: [LinkModel] = []
    public var hasNationPages: Bool { !nationPages.isEmpty }
    public var hasRegionPages: Bool { !regionPages.isEmpty }
    public var hasForcePages: Bool { !forcePages.isEmpty }
    public var hasAreaPages: Bool { hasNationPages || hasRegionPages || hasForcePages }

    public static var fields: [TemplateField<Self>] {[
        .list("figures", \.figures), .list("reconciliations", \.reconciliations), .flag("has_reconciliations", \.hasReconciliations),
        .flag("has_comparisons", \.hasComparisons), .list("changes", \.changes), .flag("has_changes", \.hasChanges),
        .list("sources", \.sources), .object("disclosure", \.disclosure),
        .list("nation_pages", \.nationPages), .flag("has_nation_pages", \.hasNationPages),
        .list("region_pages", \.regionPages), .flag("has_region_pages", \.hasRegionPages),
        .list("force_pages", \.forcePages), .flag("has_force_pages", \.hasForcePages),
        .flag("has_area_pages", \.hasAreaPages),
    ]}
}
