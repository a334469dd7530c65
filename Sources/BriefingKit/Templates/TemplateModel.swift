/// A page or a part of one, as typed values: it gives the template its `TemplateValue` tree and
/// a schema of the names it has, both from one table of fields, so the two cannot drift apart.
/// The checker checks every tag against the schema, also inside sections this release leaves empty.
///
/// Adding a field is one stored property and one line in `fields` (the template name first):
///
///     public var embedCode: String                 .text("embed_code", \.embedCode)
///     public var canonicalURL: String?             .text("canonical_url", \.canonicalURL)     // false when nil
///     public var chartTotal: Figure?               .figure("chart_total", \.chartTotal)       // false when nil
///     public var isEmbargoed: Bool                 .flag("is_embargoed", \.isEmbargoed)
///     public var chart: String                     .html("chart", \.chart)                    // layout only, {{{chart}}}
///     public var formats: [String]                 .texts("formats", \.formats)               // {{#formats}}{{.}}{{/formats}}
///     public var download: DownloadModel           .object("download", \.download)
///     public var pressRelease: PressReleaseModel?  .optional("press_release", \.pressRelease) // false when nil
///     public var links: [DownloadModel]            .list("links", \.links)
///
/// A nested model is a struct of its own (one file in `Site/Models/`) conforming to `TemplateModel`,
/// with a sample in `TemplateModelTests.samples`. A page-wide name goes in `PageModel` (every
/// template of every page), `LayoutModel` (the layout only) or the page's own model.
public protocol TemplateModel: Sendable {
    /// Every name the model gives a template, in the order a reader would look for them.
    static var fields: [TemplateField<Self>] { get }
    /// The value the template is filled from; a model may give it from values it built once (see `PageModel`).
    var templateValue: TemplateValue { get }
}

extension TemplateModel {
    /// The names and their kinds, for the checker: built once per type (see `ModelTables`).
    public static var schema: TemplateSchema { ModelTables.schema(of: Self.self) }

    /// `fields`, built once per type.
    static var fieldTable: [TemplateField<Self>] { ModelTables.fields(of: Self.self) }

    /// The schema of this value's type (for a model held as `any TemplateModel`).
    public var schema: TemplateSchema { Self.schema }

    /// The value the template is filled from. A name listed twice (a page overriding a shared one) takes the later.
    public var templateValue: TemplateValue { fieldValues }

    /// The value built from `fields`, one by one.
    public var fieldValues: TemplateValue {
        .object(Dictionary(Self.fieldTable.map { ($0.name, $0.value(self)) }, uniquingKeysWith: { _, later in later }))
    }
}
