/// One area's methods page: the area's figures with how each was obtained, its comparison over
/// time, the checks that its figures add up, and the sources those figures cite.
public struct AreaMethodsPageModel: TemplateModel {
    /// The area's name, and its name for running text ("the East of England").
    public var name, displayName: String
    public var figures: [MethodsEntryModel]
    public var changes: [AreaChangeModel]
    public var reconciliations: [ReconciliationModel]
    public var sources: [SourceModel?]

    public var hasChanges: Bool { !changes.isEmpty }
    public var hasReconciliations: Bool { !reconciliations.isEmpty }
    public var hasSources: Bool { !sources.isEmpty }

    public static var fields: [TemplateField<Self>] {[
        .text("name", \.name), .text("display_name", \.displayName), .list("figures", \.figures),
        .list("changes", \.changes), .flag("has_changes", \.hasChanges),
        .list("reconciliations", \.reconciliations), .flag("has_reconciliations", \.hasReconciliations),
        .list("sources", \.sources), .flag("has_sources", \.hasSources),
    ]}
}
