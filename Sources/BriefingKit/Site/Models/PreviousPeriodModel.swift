/// An area's previous period: its summary, with its forces' rows.
public struct PreviousPeriodModel: TemplateModel {
    public var summary: PeriodSummaryModel
    public var forces: [ForceRowModel]
    public var hasForces: Bool
    /// The series table already gives the total: a section of its own only for a breakdown.
    public var hasBreakdown: Bool
    public var name: String

    public static var fields: [TemplateField<Self>] {
        TemplateField<Self>.embedded(\.summary) + [
            .list("forces", \.forces), .flag("has_forces", \.hasForces), .flag("has_breakdown", \.hasBreakdown), .text("name", \.name),
        ]
    }
}
