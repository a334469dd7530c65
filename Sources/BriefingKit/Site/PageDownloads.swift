/// The downloads beside each page: exactly the figures the page shows, as CSV and JSON, in the
/// order the page first shows them.
///
/// They sit in the page's own folder (`regions/east/data.csv` beside `regions/east/index.html`;
/// `data.csv` beside the home page), so a page's figures are always one relative link away and no
/// two pages' downloads can share a path. The whole release stays in `data/figures.csv` and `.json`.
public struct PageDownloads: Sendable {
    public static let csvName = "data.csv"
    public static let jsonName = "data.json"

    public let writer: DownloadWriter

    public init(writer: DownloadWriter) {
        self.writer = writer
    }

    /// The CSV and JSON of one page's figures.
    public func files(for spec: PageSpec, figures: [Figure]) throws -> [SiteFile] {
        [SiteFile(path: spec.folder + Self.csvName, text: writer.csv(figures)),
         SiteFile(path: spec.folder + Self.jsonName, text: try writer.json(figures, page: spec.path))]
    }

    /// The figures a page showed, in the order it first showed them: `ids` from its rendered Markdown,
    /// the figures from its template (`shown`, and those its `charts` draw).
    public static func figures(ids: [String], shown: [String: Figure], charts: [String: Chart] = [:]) -> [Figure] {
        var byID = shown
        for chart in charts.values { for figure in chart.figures where byID[figure.id] == nil { byID[figure.id] = figure } }
        return ids.compactMap { byID[$0] }
    }
}
