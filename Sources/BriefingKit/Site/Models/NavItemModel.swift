/// A nation or region in the navigation, marked when it is the page's own.
public struct NavItemModel: TemplateModel {
    public var name, url: String
    public var current: Bool

    public static var fields: [TemplateField<Self>] {[.text("name", \.name), .text("url", \.url), .flag("current", \.current)]}
}
