import Foundation

/// How a chart travels from a template to the page: a reference in the Markdown, then its SVG
/// in place of that reference's paragraph on cmark-gfm's syntax tree.
///
/// A template prints a chart as `{{series_chart}}` on a line of its own; the template engine
/// writes it as a link, `[title](#chart-ref-ID)`, which is a paragraph of its own in Markdown.
/// `MarkdownRenderer` replaces that paragraph with a `CMARK_NODE_CUSTOM_BLOCK` whose text is
/// `opening(for:)`: the chart's SVG, built by `Charts/` from typed figures with every name and
/// number escaped (`SVGElement`). Raw HTML in Markdown would be dropped by cmark-gfm's safe mode;
/// nothing a template or the data writes can become a custom node. Pure, so tested without C.
public enum ChartMarkup {
    /// The fragment prefix that marks a link as a chart reference (no other anchor starts so).
    public static let anchorPrefix = "chart-ref-"

    /// What the template engine writes for a chart in Markdown.
    public static func reference(to chart: Chart) -> String {
        "[\(MarkdownEscaper.escape(chart.title))](#\(anchorPrefix)\(FigureMarkup.fragment(chart.id)))"
    }

    /// The chart id a link destination names, or nil when it is not a chart reference.
    public static func id(destination: String) -> String? {
        let prefix = "#" + anchorPrefix
        guard destination.hasPrefix(prefix) else { return nil }
        let encoded = destination.dropFirst(prefix.count)
        return encoded.removingPercentEncoding ?? String(encoded)
    }

    /// The markup that stands in place of the reference's paragraph.
    public static func block(_ chart: Chart) -> String {
        "<div class=\"chart\">\n" + chart.markup + "\n</div>"
    }

    /// Why a template's tag cannot print a chart there, or nil when it can.
    static func printProblem(_ name: String, raw: Bool, transforms: [String], inTableRow: Bool, html: Bool) -> String? {
        if html { return "'\(name)' is a chart, which only a Markdown template (a page or a partial) can show, not the layout" }
        if raw { return "'\(name)' is a chart; insert it with two braces ({{\(name)}}) on a line of its own" }
        if !transforms.isEmpty { return "transforms cannot be applied to a chart; write {{\(name)}}" }
        if inTableRow { return "'\(name)' is a chart and cannot stand in a table row; put {{\(name)}} on a line of its own before the table" }
        return nil
    }
}
