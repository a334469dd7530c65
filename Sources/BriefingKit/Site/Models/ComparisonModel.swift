/// A region's share against the national one.
public struct ComparisonModel: TemplateModel {
    public var subject: String
    public var share, national, difference: Figure
    public var same, similar, higher, lower, significant: Bool

    public static var fields: [TemplateField<Self>] {[
        .text("subject", \.subject), .figure("share", \.share), .figure("national", \.national), .figure("difference", \.difference),
        .flag("same", \.same), .flag("similar", \.similar), .flag("higher", \.higher), .flag("lower", \.lower),
        .flag("significant", \.significant),
    ]}
}
