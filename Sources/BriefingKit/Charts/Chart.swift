/// A chart of some of a page's figures: an inline SVG with a title and a description computed
/// from the figures, shown beside the table that holds the same figures.
///
/// Templates print a chart as they print a figure (`{{series_chart}}`, in a paragraph of its
/// own); `MarkdownRenderer` puts its SVG in place on the syntax tree (`ChartMarkup`).
public struct Chart: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable {
        /// An area's figures in one period, by platform (or whatever the release breaks them down by).
        case breakdown
        /// An area's headline count in every period of the series.
        case series
        /// Each region's share against the national share, with its margin of error.
        case comparison
    }

    /// Unique on the site, and so on a page: also the stem of the ids of its `<title>` and `<desc>`.
    public let id: String
    public let kind: Kind
    /// What the chart shows, for its `<title>` (its accessible name).
    public let title: String
    /// The figures in words, for its `<desc>` (what a screen reader speaks).
    public let summary: String
    /// The figures it draws, in the order drawn.
    public let figures: [Figure]
    /// The drawing, `<title>` and `<desc>` included.
    public let svg: SVGElement

    public init(id: String, kind: Kind, title: String, summary: String, figures: [Figure], svg: SVGElement) {
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.figures = figures
        self.svg = svg
    }

    /// The `<svg>` element's markup.
    public var markup: String { svg.markup }
}

extension Chart {
    /// The `<svg>` around a chart's drawing: `role="img"`, named by its `<title>` and described by
    /// its `<desc>`; as wide as its column, `height` pixels high.
    static func drawing(id: String, kind: Kind, title: String, summary: String, height: Int, body: [SVGElement]) -> SVGElement {
        var svg = SVGElement("svg", [
            "id": id, "class": "chart-svg chart-\(kind.rawValue)", "role": "img",
            "aria-labelledby": id + "-title", "aria-describedby": id + "-desc",
            "width": "100%", "height": String(height), "font-size": String(HorizontalBars.fontSize),
        ])
        svg.append(SVGElement("title", ["id": id + "-title"], text: title))
        svg.append(SVGElement("desc", ["id": id + "-desc"], text: summary))
        svg.append(contentsOf: body)
        return svg
    }
}
