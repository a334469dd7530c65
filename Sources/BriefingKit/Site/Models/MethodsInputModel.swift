/// One input of a calculated figure, with the operator before it (" + ", " ÷ ").
public struct MethodsInputModel: TemplateModel {
    public var before: String
    public var value: Figure

    public static var fields: [TemplateField<Self>] {[.text("before", \.before), .figure("value", \.value)]}
}
