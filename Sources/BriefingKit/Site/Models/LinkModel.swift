/// A page linked by name: an area's parent.
public struct LinkModel: TemplateModel {
    public var name, url: String

    public static var fields: [TemplateField<Self>] {[.text("name", \.name), .text("url", \.url)]}
}
