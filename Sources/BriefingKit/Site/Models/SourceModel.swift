/// A publication a figure comes from.
public struct SourceModel: TemplateModel {
    public var id, publisher, title, url: String
    /// When it was published, if the release says.
    public var published: String?

    public static var fields: [TemplateField<Self>] {[
        .text("id", \.id), .text("publisher", \.publisher), .text("title", \.title), .text("url", \.url), .text("published", \.published),
    ]}
}
