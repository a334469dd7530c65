/// What the release counts, in its own words ("offence", "offences").
public struct SubjectModel: TemplateModel {
    public var singular, plural: String

    public static var fields: [TemplateField<Self>] {[.text("singular", \.singular), .text("plural", \.plural)]}
}
