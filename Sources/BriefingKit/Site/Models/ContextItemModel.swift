/// A figure the release cites from another body, or one of its own findings; a number in the
/// statement is split out as a figure, so that it links to its provenance.
public struct ContextItemModel: TemplateModel {
    public var statement: String
    public var verified: Bool
    public var note, phrase, of: String?
    public var source: SourceModel?
    /// The statement around its figure, when it has one.
    public var before, after: String?
    public var figure: Figure?
    public var hasFigure: Bool

    public static var fields: [TemplateField<Self>] {[
        .text("statement", \.statement), .flag("verified", \.verified), .text("note", \.note), .text("phrase", \.phrase),
        .text("of", \.of), .optional("source", \.source), .text("before", \.before), .figure("figure", \.figure),
        .text("after", \.after), .flag("has_figure", \.hasFigure),
    ]}
}
