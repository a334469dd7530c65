/// A figure's entry on the methods page: its value, and what it was calculated from or published in.
public struct MethodsEntryModel: TemplateModel {
    public var id, label: String
    public var value: Figure
    public var calculated: Bool
    public var inputs: [MethodsInputModel]
    /// What follows the inputs (", as a percentage").
    public var after: String
    public var sources: [SourceModel?]

    public static var fields: [TemplateField<Self>] {[
        .text("id", \.id), .text("label", \.label), .figure("value", \.value), .flag("calculated", \.calculated),
        .list("inputs", \.inputs), .text("after", \.after), .list("sources", \.sources),
    ]}
}
