/// What the release says about which forces answered for a period (and area).
public struct CoverageModel: TemplateModel {
    public var period: String
    public var everyPeriod: Bool
    public var several: Bool
    public var area: String?
    /// The number of forces that answered, when known.
    public var forces: Figure?
    public var description: String
    public var note: String?

    public static var fields: [TemplateField<Self>] {[
        .text("period", \.period), .flag("every_period", \.everyPeriod), .flag("several", \.several), .text("area", \.area),
        .figure("forces", \.forces), .text("description", \.description), .text("note", \.note),
    ]}
}
