/// A quote, word for word, with its attribution.
public struct QuoteModel: TemplateModel {
    public var speaker: String
    public var role: String?
    public var organisation, attribution: String
    public var paragraphs: [String]
    public var source: SourceModel?

    public static var fields: [TemplateField<Self>] {[
        .text("speaker", \.speaker), .text("role", \.role), .text("organisation", \.organisation),
        .text("attribution", \.attribution), .texts("paragraphs", \.paragraphs), .optional("source", \.source),
    ]}
}
