/// The national page's own values: none beyond those every page shares.
public struct NationalPageModel: TemplateModel {
    public init() {}

    public static var fields: [TemplateField<Self>] { [] }
}
