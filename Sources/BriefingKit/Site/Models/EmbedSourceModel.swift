/// A source on an embed's source line, with what follows it ("; " between, "." after the last).
public struct EmbedSourceModel: TemplateModel {
    public var source: SourceModel
    public var separator: String

    public static var fields: [TemplateField<Self>] {
        TemplateField<Self>.embedded(\.source) + [.text("separator", \.separator)]
    }
}
