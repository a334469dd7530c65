import Foundation

/// How tall an embed's content is at the oEmbed width (`EmbedCode.oEmbedWidth`, 640 CSS pixels),
/// estimated without a browser and rounded up generously: the height its frame starts at, and
/// keeps where the page around it strips the script that would set it (WordPress strips `<script>`
/// from the HTML of an oEmbed it discovers).
///
/// The estimate is from the embed's content as plain text (`PlainTextRenderer`, whose 72-column
/// lines hold fewer characters than a 640-pixel line of the stylesheet's text does, and whose
/// tables are a line or a block per row), its charts' own heights, and the footer's lines: a line
/// of text, a gap between blocks and a chart each take at least what the stylesheet gives them at
/// that width; the sum is then raised by a quarter and rounded up to the next 50 pixels. Checked
/// against Chromium's heights of every embed of both example releases (`EmbedTests`).
public struct EmbedHeight: Sendable, Equatable {
    /// A line of body text (16 px at a line height of about 1.6), or a table row, which is taller
    /// than a line of text but holds as much as a line of the plain text's aligned columns.
    static let line = 30
    /// The space between two blocks (a paragraph's margins).
    static let gap = 18
    /// Around a chart: its figure's margins.
    static let chartMargin = 32
    /// A line of the footer's smaller text.
    static let footerLine = 26
    /// The page's padding, the footer's rule and margins.
    static let frame = 90

    public let pixels: Int

    /// - Parameters:
    ///   - text: the content as plain text.
    ///   - charts: the charts it draws (left out of the plain text).
    ///   - footer: the footer's paragraphs (sources, status, the key to †, the link to the briefing).
    public init(text: String, charts: [Chart], footer: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let written = lines.filter { !$0.trimmingHorizontalSpace().isEmpty }.count
        let gaps = lines.count - written
        let drawn = charts.map { chart in
            (chart.svg.attributes.first { $0.name == "height" }.flatMap { Int($0.value) } ?? 0) + Self.chartMargin
        }.reduce(0, +)
        let footerLines = footer.map { PlainTextRenderer.wrap($0, width: PlainTextRenderer.width).count }.reduce(0, +)
        let content = Self.frame + written * Self.line + gaps * Self.gap + drawn + footerLines * Self.footerLine
        pixels = (content * 5 / 4 + 49) / 50 * 50
    }
}
