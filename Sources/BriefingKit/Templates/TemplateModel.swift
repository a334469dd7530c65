/// A page or a part of one, as typed values: it gives the template its `TemplateValue` tree and
/// a schema of the names it has, both from one table of fields, so the two cannot drift apart.
///
/// Adding a field is one stored property and one line in `fields`:
/// `.text("name", \.name)`, `.figure("total", \.total)`, `.flag("is_top", \.isTop)`,
/// `.object("basis", \.basis)`, `.optional("previous", \.previous)`, `.list("forces", \.forces)`.
public protocol TemplateModel: Sendable {
    /// Every name the model gives a template, in the order a reader would look for them.
    static var fields: [TemplateField<Self>] { get }
}

extension TemplateModel {
    /// The names and their kinds, for the checker.
    public static var schema: TemplateSchema {
        TemplateSchema(name: String(describing: Self.self),
                       fields: Dictionary(fields.map { ($0.name, $0.kind()) }, uniquingKeysWith: { _, later in later }))
    }

    /// The schema of this value's type (for a model held as `any TemplateModel`).
    public var schema: TemplateSchema { Self.schema }

    /// The value the template is filled from. A name listed twice (a page overriding a shared one) takes the later.
    public var templateValue: TemplateValue {
        .object(Dictionary(Self.fields.map { ($0.name, $0.value(self)) }, uniquingKeysWith: { _, later in later }))
    }
}
