/// An area's figure in one period of the series.
public struct SeriesPointModel: TemplateModel {
    /// "2017/18" when every period has such a name, else the full name.
    public var period, periodName: String
    public var count: Figure?
    public var isRelease: Bool

    public static var fields: [TemplateField<Self>] {[
        .text("period", \.period), .text("period_name", \.periodName), .figure("count", \.count), .flag("is_release", \.isRelease),
    ]}
}
