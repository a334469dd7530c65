/// An embed's content (`Templates/embed-*.md`): its area, as a briefing page has it, and the period
/// its key figures are of, for the line under its title.
public struct EmbedPageModel: TemplateModel {
    public var area: AreaModel
    /// The period the key figures are of: the release period when the area has a figure for it,
    /// else the one period of its totals across periods (Cleveland, 2023: April 2017 to March 2023);
    /// nil when they are of several.
    public var figuresPeriod: String?

    public init(area: AreaModel, releasePeriod: String) {
        self.area = area
        let own = Set(area.cumulative.map(\.period))
        figuresPeriod = area.summary.hasFigures || area.hasPublishedChanges ? releasePeriod : own.count == 1 ? own.first : nil
    }

    public static var fields: [TemplateField<Self>] {[.object("area", \.area), .text("figures_period", \.figuresPeriod)]}
}
