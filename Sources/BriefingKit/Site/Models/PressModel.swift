/// The press release's frame around a briefing: `{{press.headline}}`, `{{#press.dateline}}…`,
/// `{{#press.standfirst}}…`, and whether there are media contacts to list.
public struct PressModel: TemplateModel {
    public var headline: String
    public var dateline, standfirst: String?
    public var hasContacts: Bool

    public static var fields: [TemplateField<Self>] {[
        .text("headline", \.headline), .text("dateline", \.dateline), .text("standfirst", \.standfirst),
        .flag("has_contacts", \.hasContacts),
    ]}
}
