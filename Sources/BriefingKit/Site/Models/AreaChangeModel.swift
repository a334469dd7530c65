/// An area's change from the previous period, as the methods page lists it.
public struct AreaChangeModel: TemplateModel {
    public var area: String
    public var change: ChangeModel

    public static var fields: [TemplateField<Self>] {[.text("area", \.area), .object("change", \.change)]}
}
