/// The disclosure-control setting and what it hid.
public struct DisclosureModel: TemplateModel {
    public var active: Bool
    public var threshold: Figure
    /// The count of published cells it hid, when any.
    public var cells: Figure?

    public static var fields: [TemplateField<Self>] {[.flag("active", \.active), .figure("threshold", \.threshold), .figure("cells", \.cells)]}
}
