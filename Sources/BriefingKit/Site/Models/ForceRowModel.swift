/// A force's row in its region's table.
public struct ForceRowModel: TemplateModel {
    public var name, url: String
    public var total: Figure?
    public var cells: [CellModel]

    public static var fields: [TemplateField<Self>] {[
        .text("name", \.name), .text("url", \.url), .figure("total", \.total), .list("cells", \.cells),
    ]}
}
