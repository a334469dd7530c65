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
    /// A page that shows more figures than this has its downloads streamed (`downloads(for:figures:)`).
    public let wholeUpTo: Int

    public init(writer: DownloadWriter, wholeUpTo: Int = 1_000) {
        self.writer = writer
        self.wholeUpTo = wholeUpTo
    }

    /// The CSV and JSON of one page's figures.
    public func files(for spec: PageSpec, figures: [Figure]) throws -> [SiteFile] {
        [SiteFile(path: spec.folder + Self.csvName, text: writer.csv(figures)),
         SiteFile(path: spec.folder + Self.jsonName, text: try writer.json(figures, page: spec.path))]
    }

    /// The page's downloads as the site is sent them. Most pages show a few dozen figures, and theirs
    /// are made whole on the page's thread. A page with more than `wholeUpTo` has its downloads
    /// written into the site a piece at a time when the page is sent: the main methods page lists
    /// every region's figures (3,332 at 10,000 pages, 3 MB of CSV and JSON, held as text and as
    /// bytes at the build's peak). The bytes are the same either way.
    public func downloads(for spec: PageSpec, figures: [Figure]) throws -> [Download] {
        guard figures.count > wholeUpTo else { return try files(for: spec, figures: figures).map(Download.whole) }
        return [.csv(path: spec.folder + Self.csvName, figures: figures, writer: writer),
                .json(path: spec.folder + Self.jsonName, page: spec.path, figures: figures, writer: writer)]
    }

    /// One download of a page: made, or to be written from its figures when it is sent.
    public enum Download: Sendable {
        case whole(SiteFile)
        case csv(path: String, figures: [Figure], writer: DownloadWriter)
        case json(path: String, page: String, figures: [Figure], writer: DownloadWriter)

        public func send(to sink: any SiteSink) throws {
            switch self {
            case .whole(let file): try sink.add(file)
            case .csv(let path, let figures, let writer): try sink.add(path) { emit in try writer.csv(figures, emit: emit) }
            case .json(let path, let page, let figures, let writer): try sink.add(path) { emit in try writer.json(figures, page: page, emit: emit) }
            }
        }
    }

    /// The figures a page showed, in the order it first showed them: `ids` from its rendered Markdown,
    /// the figures from its template (`shown`, and those its `charts` draw).
    public static func figures(ids: [String], shown: [String: Figure], charts: [String: Chart] = [:]) -> [Figure] {
        var byID = shown
        for chart in charts.values { for figure in chart.figures where byID[figure.id] == nil { byID[figure.id] = figure } }
        return ids.compactMap { byID[$0] }
    }
}
