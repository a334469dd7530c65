/// The embargo as pages, layouts and embeds read it: `{{#embargo.embargoed}}…{{embargo.line}}…`.
/// Every text is absent (false) once the embargo has lifted or when there is none.
public struct EmbargoModel: TemplateModel {
    public var embargoed = false
    /// "EMBARGOED UNTIL 00:01 FRIDAY 26 MARCH 2021".
    public var line: String?
    /// "00:01 Friday 26 March 2021" and the UK time zone's name, for the banner's second line.
    public var time, zone: String?
    /// The embargo in ISO 8601 (UTC), for a `<time datetime>`.
    public var datetime: String?

    public init() {}

    public static var fields: [TemplateField<Self>] {[
        .flag("embargoed", \.embargoed), .text("line", \.line), .text("time", \.time), .text("zone", \.zone),
        .text("datetime", \.datetime),
    ]}
}
