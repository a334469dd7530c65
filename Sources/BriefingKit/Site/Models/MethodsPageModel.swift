/// The methods page: every figure with how it was obtained, the checks and the sources.
public struct MethodsPageModel: TemplateModel {
    public var figures: [MethodsEntryModel]
    public var reconciliations: [ReconciliationModel]
    public var hasReconciliations, hasComparisons: Bool
    public var changes: [AreaChangeModel]
    public var sources: [SourceModel?]
    public var disclosure: DisclosureModel

    public static var fields: [TemplateField<Self>] {[
        .list("figures", \.figures), .list("reconciliations", \.reconciliations), .flag("has_reconciliations", \.hasReconciliations),
        .flag("has_comparisons", \.hasComparisons), .list("changes", \.changes), .list("sources", \.sources),
        .object("disclosure", \.disclosure),
    ]}
}
