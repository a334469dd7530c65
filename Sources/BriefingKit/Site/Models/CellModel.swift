/// One table cell: a platform's count, or nothing when none was published.
public struct CellModel: TemplateModel {
    public var value: Figure?

    public static var fields: [TemplateField<Self>] {[.figure("value", \.value)]}
}
