/// A total across periods, published or summed.
public struct CumulativeModel: TemplateModel {
    public var total: Figure
    public var period: String
    public var calculated: Bool

    public static var fields: [TemplateField<Self>] {[.figure("total", \.total), .text("period", \.period), .flag("calculated", \.calculated)]}
}
