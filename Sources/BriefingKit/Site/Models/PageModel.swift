/// Everything one template of a page is filled from: the shared values, the page's navigation,
/// quotes and findings, and the page's own model (whose names win over shared ones).
public struct PageModel<Page: TemplateModel>: TemplateModel {
    /// The shared values, with the release's notes to editors chosen for this page.
    public var shared: SharedModel
    /// The path back to the site's root: "" or "../../".
    public var root: String
    /// Past a handful of areas the navigation folds into a disclosure, so the masthead stays short on a phone.
    public var navMany: Bool
    /// Past `PageContextBuilder.navListLimit` areas no page lists them all (a list that long would be most of
    /// every page): the navigation links to the national page, whose tables list them.
    public var navIndex: Bool = false
    public var navCount: String
    public var nav: [NavItemModel]
    public var quotes: [QuoteModel]
    public var hasQuotes: Bool
    public var findings: [ContextItemModel]
    public var hasFindings: Bool
    public var page: Page
    /// The shared values but the release, as template values, built once for every page (see `SharedValues`);
    /// nil builds them from `shared`.
    var sharedValues: SharedValues?

    public static var fields: [TemplateField<Self>] {
        TemplateField<Self>.embedded(\.shared) + [
            .text("root", \.root), .flag("nav_many", \.navMany), .flag("nav_index", \.navIndex), .text("nav_count", \.navCount), .list("nav", \.nav),
            .list("quotes", \.quotes), .flag("has_quotes", \.hasQuotes), .list("findings", \.findings),
            .flag("has_findings", \.hasFindings),
        ] + TemplateField<Self>.embedded(\.page)
    }

    /// The shared values from the ones built once, the release's (its notes differ by page) and the page's own.
    public var templateValue: TemplateValue {
        guard let sharedValues else { return fieldValues }
        var values = sharedValues.fields
        values["release"] = shared.release.templateValue
        for field in Self.fieldTable.dropFirst(SharedModel.fieldTable.count) { values[field.name] = field.value(self) }
        return .object(values)
    }
}
