/// A nation's, region's or force's page: its area.
public struct AreaPageModel: TemplateModel {
    public var area: AreaModel

    public static var fields: [TemplateField<Self>] {[.object("area", \.area)]}
}
