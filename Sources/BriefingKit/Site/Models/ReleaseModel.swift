/// The release's own words and periods, the same on every page (notes to editors aside, which are per page).
public struct ReleaseModel: TemplateModel {
    public var title, organisation, status, measure, period: String
    public var previousPeriod: String?
    public var coverage: [CoverageModel]
    public var currentCoverage: CoverageModel?
    public var contacts: [ContactModel]
    public var notesToEditors: [String]
    public var subject: SubjectModel
    public var breakdown: BreakdownModel
    public var firstPeriod: String?
    public var headlineIsRecorded: Bool
    public var seriesPeriods: [String]
    public var boilerplate: String

    public static var fields: [TemplateField<Self>] {[
        .text("title", \.title), .text("organisation", \.organisation), .text("status", \.status),
        .text("measure", \.measure), .text("period", \.period), .text("previous_period", \.previousPeriod),
        .list("coverage", \.coverage), .optional("current_coverage", \.currentCoverage),
        .list("contacts", \.contacts), .texts("notes_to_editors", \.notesToEditors), .object("subject", \.subject),
        .object("breakdown", \.breakdown), .text("first_period", \.firstPeriod), .flag("headline_is_recorded", \.headlineIsRecorded),
        .texts("series_periods", \.seriesPeriods), .text("boilerplate", \.boilerplate),
    ]}
}
