/// What the release breaks its count down by ("platform"), and the words for the known subset.
public struct BreakdownModel: TemplateModel {
    public var singular, plural, known: String

    public static var fields: [TemplateField<Self>] {[.text("singular", \.singular), .text("plural", \.plural), .text("known", \.known)]}
}
