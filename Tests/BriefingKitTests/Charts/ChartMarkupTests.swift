import Testing
@testable import BriefingKit

/// A chart reaches the page through cmark-gfm's syntax tree: a template prints a reference, the
/// renderer puts the chart's SVG in place of its paragraph. Raw HTML in Markdown stays dropped.
@Suite struct ChartMarkupTests {
    static let chart: Chart = {
        let figure = Figure(id: "east-count", label: "Instances", value: .count(1075),
                            derivation: .published(location: SourceLocation(path: "Data/figures.csv", line: 2, column: 1)), sources: [])
        let (body, bottom) = HorizontalBars(rows: [.init(label: "East <b>&", figure: figure)]).layout()
        return Chart(id: "chart-series--east", kind: .series, title: "Bar chart: [East] *of* England", summary: "East: 1,075.",
                     figures: [figure], svg: Chart.drawing(id: "chart-series--east", kind: .series, title: "Bar chart: [East] *of* England",
                                                           summary: "East: 1,075.", height: bottom, body: body))
    }()

    func render(_ markdown: String, charts: [String: Chart] = [chart.id: chart]) throws -> String {
        try MarkdownRenderer().render(markdown, charts: charts, page: "regions/east/index.html").html
    }

    func errors(_ markdown: String, charts: [String: Chart] = [chart.id: chart]) -> [String] {
        do {
            _ = try render(markdown, charts: charts)
            return []
        } catch let error as BriefingError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aReferenceParagraphBecomesTheChart() throws {
        let reference = ChartMarkup.reference(to: Self.chart)
        #expect(reference == "[Bar chart\\: \\[East\\] \\*of\\* England](#chart-ref-chart-series--east)")
        let html = try render("Before.\n\n\(reference)\n\nAfter.")
        #expect(html == "<p>Before.</p>\n<div class=\"chart\">\n\(Self.chart.markup)\n</div>\n<p>After.</p>\n")
        #expect(html.contains("<text class=\"chart-label\" x=\"0\" y=\"14\" fill=\"#1d1d1f\">East &lt;b&gt;&amp;</text>"))
    }

    /// Written as raw HTML in a template, an SVG is dropped by cmark-gfm's safe mode, as any raw HTML is.
    @Test func rawSVGInMarkdownIsStillDropped() throws {
        let html = try render("<svg><script>alert(1)</script></svg>\n\nText.")
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<script"))
    }

    @Test func aChartThePageDoesNotHaveIsAnError() {
        #expect(errors("[x](#chart-ref-chart-series--west)") == [
            "briefing: error: regions/east/index.html: shows chart 'chart-series--west', which no statistic gives",
        ])
    }

    @Test func aChartInsideASentenceIsAnError() {
        let message = "briefing: error: regions/east/index.html: chart 'chart-series--east' must be a paragraph of its own: put its tag on a line by itself, with a blank line before and after"
        #expect(errors("See \(ChartMarkup.reference(to: Self.chart)) here.") == [message])
        #expect(errors("| a |\n|---|\n| \(ChartMarkup.reference(to: Self.chart)) |") == [message])
    }

    // MARK: - Templates

    func templateErrors(_ page: String, layout: String = "{{{content}}}") throws -> [String] {
        let library = try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem(["T/page.md": page, "T/layout.html": layout]))
        let data = TemplateValue.object(["series_chart": .chart(Self.chart), "none": .bool(false), "content": .html("")])
        do {
            _ = try library.render(page.isEmpty ? "layout" : "page", with: data, mode: page.isEmpty ? .html : .markdown)
            return []
        } catch let error as BriefingError {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aTemplatePrintsAChartAsAReference() throws {
        let library = try TemplateLibrary.load(from: "T", fileSystem: MemoryFileSystem([
            "T/page.md": "{{#series_chart}}\n{{series_chart}}\n\n{{/series_chart}}\n{{#none}}\n{{none}}\n{{/none}}\nText.\n",
            "T/layout.html": "{{{content}}}",
        ]))
        let data = TemplateValue.object(["series_chart": .chart(Self.chart), "none": .bool(false)])
        let (markdown, _, charts) = try library.renderPage("page", with: data, schema: nil, mode: .markdown)
        #expect(markdown == ChartMarkup.reference(to: Self.chart) + "\n\nText.\n")
        // The chart the page printed, and not one it only held.
        #expect(charts.keys.sorted() == [Self.chart.id])
    }

    @Test func aChartCannotBeRawTransformedInARowOrInTheLayout() throws {
        #expect(try templateErrors("{{{series_chart}}}") == [
            "T/page.md:1:1: error: 'series_chart' is a chart; insert it with two braces ({{series_chart}}) on a line of its own",
        ])
        #expect(try templateErrors("{{digits(series_chart)}}") == [
            "T/page.md:1:1: error: transforms cannot be applied to a chart; write {{series_chart}}",
        ])
        #expect(try templateErrors("| a |\n|---|\n| {{series_chart}} |") == [
            "T/page.md:3:3: error: 'series_chart' is a chart and cannot stand in a table row; put {{series_chart}} on a line of its own before the table",
        ])
        #expect(try templateErrors("", layout: "{{{content}}}{{series_chart}}") == [
            "T/layout.html:1:14: error: 'series_chart' is a chart, which only a Markdown template (a page or a partial) can show, not the layout",
        ])
    }
}
