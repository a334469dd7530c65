/// The change between two periods of an area, with the basis on which they compare.
public struct ChangeModel: TemplateModel {
    public var comparable: Bool
    public var basis: ChangeBasisModel
    public var current, previous: Figure
    public var previousPeriod, currentPeriod: String
    public var difference, percent: Figure?
    public var increase, decrease, unchanged: Bool

    public static var fields: [TemplateField<Self>] {[
        .flag("comparable", \.comparable), .object("basis", \.basis), .figure("current", \.current), .figure("previous", \.previous),
        .text("previous_period", \.previousPeriod), .text("current_period", \.currentPeriod), .figure("difference", \.difference),
        .figure("percent", \.percent), .flag("increase", \.increase), .flag("decrease", \.decrease), .flag("unchanged", \.unchanged),
    ]}
}
